"""Platforms of the shapes governments publish, in real sentences: every platform the corpus gold and the
development set's train split mark is replaced, one sentence per name, by a name of another shape (…一体化平台,
…管理信息系统, …小程序, …公众号, …热线, …一卡通, …码, …专区, …驾驶舱, …大脑, an owner's 门户网站, a
province's brand: 粤省事, 随申办, 浙里办 …), and the name must be found whole, with the gazetteer off and on.

The sentences are built at test time (no devset text is committed).  The names are written for this test
and appear in no training file (checked below).  Two lists of the same shapes: ``DEV`` was used while
writing the rules, ``HELD`` only to measure them afterwards, once; the same for hand-written sentences in
the register of other provinces' reports (``HAND_DEV``, ``HAND_HELD``).  Only counts are printed for the
development set; the names and frames of a miss are printed for the corpus.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import DEVSET, requires_devset

ROOT = Path(__file__).resolve().parent.parent
P = "Platform"

#: Names of many shapes, used while writing the rules (a brand is a name as printed; a quoted brand keeps its
#: quotes).  Three lists written one after the other, each measured once before it became development material:
#: the second first gave R .810 P .955, the third R .818 P .985 (corpus frames).
DEV = [
    "应急指挥一体化平台",
    "基层治理一体化平台",
    "渔船管理信息系统",
    "住房公积金管理信息系统",
    "中介机构信用评价服务平台",
    "中小企业公共服务平台",
    "“粤医保”小程序",
    "社区团餐小程序",
    "浙里办APP",
    "“i珠海”APP",
    "掌上公积金APP",
    "“珠海统计”微信公众号",
    "贵阳市气象局微信公众号",
    "12315消费者投诉热线",
    "12366纳税服务热线",
    "社会保障一卡通",
    "惠民惠农财政补贴资金“一卡通”",
    "苏康码",
    "渝康码",
    "企业开办专区",
    "“跨省通办”服务专区",
    "城市运行驾驶舱",
    "经济运行数据驾驶舱",
    "城市大脑",
    "交通大脑",
    "宁好办",
    "随申办",
    "浙里办",
    "苏服办",
    "皖事通",
    "鄂汇办",
    "渝快办",
    "赣服通",
    "闽政通",
    "冀时办",
    "贵阳市人民政府门户网站",
    "成都市统计局微信公众号",
    "河北政务服务网",
    "人口基础信息库",
    "法人单位基础数据库",
    "市民服务大厅",
    "信用中国（广东）网站",
    "土地市场动态监测与监管系统",
    "“粤省事”小程序",
    "“随申办”市民云APP",
    "一部手机办事通",
    "多彩宝",
    "社会救助一体化平台",
    "林木采伐管理信息系统",
    "科技创新券服务平台",
    "“琼医保”小程序",
    "校园食堂订餐小程序",
    "“i厦门”APP",
    "掌上社保APP",
    "“昆明发布”微信公众号",
    "兰州市统计局微信公众号",
    "12338妇女维权热线",
    "12333人社服务热线",
    "校园一卡通",
    "残疾人补贴“一卡通”",
    "湘康码",
    "鲁通码",
    "不动产登记专区",
    "“一件事一次办”专区",
    "生态环境监测驾驶舱",
    "应急管理大脑",
    "经济大脑",
    "湘易办",
    "吉事办",
    "爱山东",
    "蒙速办",
    "豫事办",
    "辽事通",
    "天府通办",
    "南宁市人民政府门户网站",
    "西宁市财政局微信公众号",
    "甘肃政务服务网",
    "自然人基础信息库",
    "电子证照基础数据库",
    "市民中心办事大厅",
    "信用中国（湖南）网站",
    "全国投资项目在线审批监管平台",
    "“豫事办”小程序",
    "“赣服通”APP",
    "河道采砂监管一体化平台",
    "农村集体资产管理信息系统",
    "跨境贸易便利化服务平台",
    "“沪惠保”小程序",
    "长者饭堂订餐小程序",
    "“i苏州”APP",
    "掌上医保APP",
    "“贵阳发布”微信公众号",
    "银川市统计局微信公众号",
    "12369环保举报热线",
    "12328交通运输服务监督热线",
    "老年人优待一卡通",
    "退役军人优待“一卡通”",
    "桂康码",
    "晋政码",
    "企业注销专区",
    "“高效办成一件事”专区",
    "防汛指挥驾驶舱",
    "生态环境大脑",
    "交通运输大脑",
    "豫政通",
    "黑龙江全省事",
    "青松办",
    "海易办",
    "闽政通APP",
    "合肥市人民政府门户网站",
    "太原市人民政府门户网站",
    "长沙市财政局微信公众号",
    "宁夏政务服务网",
    "法人单位基础信息库",
    "社会信用基础数据库",
    "政务服务中心综合受理大厅",
    "信用中国（四川）网站",
    "全国企业破产重整案件信息网",
    "“蒙速办”小程序",
    "“鄂汇办”APP",
]
#: Written last, measured once before anything else changed: corpus frames R .897 P .925, train frames
#: R .904 P .937 (gazetteer off).  Its floor is below that first measurement; the rules were not tuned to it.
HELD = [
    "城市内涝监测一体化平台",
    "工会会员管理信息系统",
    "政府采购电子卖场服务平台",
    "“津医保”小程序",
    "社区食堂点餐小程序",
    "“i泉州”APP",
    "掌上公交APP",
    "“榆林发布”微信公众号",
    "株洲市统计局微信公众号",
    "12380举报热线",
    "12317乡村振兴服务热线",
    "市民卡一卡通",
    "惠农补贴“一卡通”",
    "皖康码",
    "鲁康码",
    "个体工商户服务专区",
    "“一业一证”专区",
    "基层治理驾驶舱",
    "农业农村大脑",
    "水利大脑",
    "冀云办",
    "苏商通",
    "甘快办",
    "蜀事通",
    "洛阳市人民政府门户网站",
    "桂林市人民政府门户网站",
    "岳阳市审计局微信公众号",
    "山西政务服务网",
    "人口综合信息库",
    "宏观经济运行数据库",
    "政务服务中心企业开办大厅",
    "信用中国（重庆）网站",
    "全国建筑市场监管公共服务平台",
    "“湘易办”小程序",
    "“豫事办”APP",
]
R = "Reform"
#: Sentences written for this test in the register of other provinces' reports (government offices, data
#: bureaus, information centres), with every platform and reform a reader marks by the guideline.  Written
#: while developing the rules (a development list, like DEV; its second half was first measured sealed: P .788
#: R .722).
HAND_DEV = [
    (
        "通过省政府门户网站和“齐鲁政务”微信公众号发布政策解读信息。",
        [("省政府门户网站", P), ("“齐鲁政务”微信公众号", P)],
    ),
    ("以“浙里办”“浙政钉”为核心，构建全市统一的移动政务服务体系。", [("“浙里办”", P), ("“浙政钉”", P)]),
    ("依托全国政府网站信息报送系统，按季度开展政府网站普查。", [("全国政府网站信息报送系统", P)]),
    ("建设电子政务外网安全监测平台，提升网络安全防护能力。", [("电子政务外网安全监测平台", P)]),
    ("按时支付党政专网线路租赁费用，保障政府协同办公系统稳定运行。", [("党政专网", P), ("政府协同办公系统", P)]),
    ("以“云上贵州”政务数据平台为支撑，推动政务数据集聚共享。", [("“云上贵州”政务数据平台", P)]),
    ("完成政务新媒体矩阵整合，关停长期不更新的账号。", []),
    ("建设更加权威的信息发布和解读回应平台。", []),
    ("加快推进“城市大脑”建设，打造新型智慧城市。", [("“城市大脑”", P), ("智慧城市", R)]),
    ("全年通过12345政务服务便民热线受理群众诉求10.2万件。", [("12345政务服务便民热线", P)]),
    ("开通“榕城统计”微信公众号，及时发布统计数据。", [("“榕城统计”微信公众号", P)]),
    ("升级改造市长信箱系统，提高群众来信办理效率。", [("市长信箱系统", P)]),
    ("将非涉密业务系统迁移至市电子政务外网。", [("市电子政务外网", P)]),
    ("各县市区政府门户网站均已完成适老化改造。", []),
    ("建成全市统一的公共数据开放平台，开放数据集1200个。", [("公共数据开放平台", P)]),
    ("推进“皖事通”APP迭代升级，新增高频服务事项86项。", [("“皖事通”APP", P)]),
    ("上线运行“一网通办”总门户，实现事项统一申报。", [("“一网通办”总门户", P)]),
    ("依托国家企业信用信息公示系统，公示行政许可和行政处罚信息。", [("国家企业信用信息公示系统", P)]),
    ("通过“信用中国（浙江）”网站向社会公开。", [("“信用中国（浙江）”网站", P)]),
    ("完善公共资源交易平台功能，实现全流程电子化交易。", [("公共资源交易平台", P)]),
    ("组织开展全市政府网站和政务新媒体季度检查。", []),
    ("建设区块链电子证照共享平台，推动证照互认。", [("区块链电子证照共享平台", P)]),
    ("保障视频会议系统、应急指挥调度系统正常运行。", [("应急指挥调度系统", P)]),
    ("投入资金48万元用于政务信息资源目录系统维护。", [("政务信息资源目录系统", P)]),
    ("全市共有政务服务一体机326台，覆盖所有镇街。", []),
    ("推动“赣服通”4.0版上线，接入事项超过3000项。", [("“赣服通”", P)]),
    ("加强对网上中介服务超市的监督管理。", [("网上中介服务超市", P)]),
    ("积极推广使用“粤省事”“粤商通”“粤政易”三大平台。", [("“粤省事”", P), ("“粤商通”", P), ("“粤政易”", P)]),
    ("按照“一中心、两平台、三体系”的思路推进建设。", []),
    ("建设市级政务数据共享交换平台，已汇聚数据12亿条。", [("市级政务数据共享交换平台", P)]),
    ("负责“i武汉”平台的运营管理。", [("“i武汉”平台", P)]),
    ("指导各地用好“学习强国”学习平台。", [("“学习强国”学习平台", P)]),
    ("新建智慧党建平台，实现党员教育管理线上化。", [("智慧党建平台", P)]),
    ("负责“12345”热线工单的转办督办。", [("“12345”热线", P)]),
    ("维护好政府信息公开专栏和依申请公开系统。", [("依申请公开系统", P)]),
    ("开发建设民营企业诉求响应平台，全年办结诉求562件。", [("民营企业诉求响应平台", P)]),
    ("指导乡镇（街道）便民服务中心规范化建设。", []),
    ("运维经费主要用于市公共资源交易中心电子交易系统的运行维护。", [("市公共资源交易中心电子交易系统", P)]),
    ("加快建设全省统一的投资项目在线审批监管平台。", [("投资项目在线审批监管平台", P)]),
    ("市政府门户网站全年发布信息5800余条。", [("市政府门户网站", P)]),
    ("建立健全政府网站内容保障机制。", []),
    ("统筹推进全市各级各类政务信息系统整合共享。", []),
    (
        "负责市本级电子政务外网、市委市政府门户网站、电子政务外网协同办公平台（以下简称OA系统）的运行维护。",
        [("电子政务外网", P), ("市委市政府门户网站", P), ("电子政务外网协同办公平台", P), ("OA系统", P)],
    ),
    ("负责市政府无纸化会议系统建设和运行维护。", [("市政府无纸化会议系统", P)]),
    ("更换会议室音响系统和空调系统。", []),
    ("按照“一中心一平台六大库N应用”架构推进数字底座建设。", []),
    ("保障“数说红河”展厅正常开放。", []),
    ("承担全省社会保障卡一卡通应用推广工作。", [("社会保障卡", P)]),
    ("通过“云南省人民政府”门户网站发布重要信息。", [("“云南省人民政府”门户网站", P)]),
    ("加快建设政府投资项目管理系统，实现项目全生命周期管理。", [("政府投资项目管理系统", P)]),
    ("全年市长热线受理来电28.6万件，按时办结率99.2%。", [("市长热线", P)]),
    ("用好“互联网+督查”平台，收集企业和群众意见建议。", [("“互联网+督查”平台", P)]),
    ("开展“互联网+督查”工作，收集问题线索。", [("“互联网+督查”", R)]),
    ("负责市政府电子政务内网建设与管理。", [("市政府电子政务内网", P)]),
    ("负责受理市民通过市长公开电话向市政府反映的各类情况。", [("市长公开电话", P)]),
    ("负责办理市长信箱和市长外商服务专线工作。", [("市长外商服务专线", P)]),
    ("负责办公室计算机网络的管理及计算机系统安全保密工作。", []),
    ("负责市政府机关会议室音响、多媒体系统技术服务。", []),
    ("指导、监督全市政府系统电子政务工作。", []),
    ("负责全市电子政务系统的规划和建设。", []),
    ("按时缴纳政府专线线路租用费。", []),
    ("开通企业服务热线电话，解答政策咨询。", [("企业服务热线电话", P)]),
    ("全年在市政府门户网站发布政府信息3260条，其中政策解读86条。", [("市政府门户网站", P)]),
    ("依托“冀时办”APP推出高频服务事项掌上办理。", [("“冀时办”APP", P)]),
    ("负责“三晋通”平台的推广应用和运行维护。", [("“三晋通”平台", P)]),
    ("完成全市统一的政务服务好差评系统与省级系统对接。", [("政务服务好差评系统", P)]),
    ("组织各部门通过全国一体化在线政务服务平台开展跨省通办。", [("全国一体化在线政务服务平台", P), ("跨省通办", R)]),
    ("按照统一部署，将本级政务服务事项纳入甘肃政务服务网管理。", [("甘肃政务服务网", P)]),
    ("保障县政府门户网站和“泾阳发布”政务微博正常运行。", [("县政府门户网站", P), ("“泾阳发布”政务微博", P)]),
    ("加强各类政务信息系统的安全等级保护测评工作。", []),
    ("改版升级统计数据发布库，提升数据查询便捷度。", [("统计数据发布库", P)]),
    ("开展市民热线知识库的更新维护工作。", []),
    ("建设社会治理网格化服务管理信息系统，实现网格事件闭环处置。", [("社会治理网格化服务管理信息系统", P)]),
    ("用于支付政务云平台租赁费用48.6万元。", [("政务云平台", P)]),
    ("推进惠企政策“免申即享”平台建设，全年兑现资金1.2亿元。", [("惠企政策“免申即享”平台", P)]),
    ("做好“鄂汇办”“鄂政通”移动端的推广应用。", [("“鄂汇办”", P), ("“鄂政通”", P)]),
    ("维护12315消费者投诉举报平台，及时处理投诉举报。", [("12315消费者投诉举报平台", P)]),
    ("进一步完善机关内部办公系统功能。", []),
    ("建设完成智慧工地监管平台，接入在建项目136个。", [("智慧工地监管平台", P)]),
    ("全市共建成村级综合服务站点420个。", []),
    ("推动“赣政通”覆盖全省各级政府部门。", [("“赣政通”", P)]),
    ("运营维护“湘易办”超级移动端，上线服务事项2000余项。", [("“湘易办”超级移动端", P)]),
    ("优化市长热线工单分派流程，提高办结效率。", [("市长热线", P)]),
    ("建立企业诉求直通车平台，推动问题快速解决。", [("企业诉求直通车平台", P)]),
    ("配合做好国家政务服务平台统一身份认证系统对接。", [("国家政务服务平台统一身份认证系统", P)]),
    ("完成两个业务系统的国产化替代。", []),
    ("建成投用城市运行管理服务平台，实现城市管理问题智能发现。", [("城市运行管理服务平台", P)]),
    ("持续推进数字政府建设，打造“掌上办事之城”。", [("数字政府", R)]),
    ("依托省统一电子印章系统，推行电子印章应用。", [("省统一电子印章系统", P)]),
    ("确保视频会商系统、卫星电话等应急通信设备处于良好状态。", []),
    ("开展政府网站与政务新媒体检查，通报问题账号。", []),
    ("新建档案数字化管理系统，完成馆藏档案数字化12万卷。", [("档案数字化管理系统", P)]),
    ("全年通过“我的宁夏”APP办理社保业务5.6万件。", [("“我的宁夏”APP", P)]),
    ("推进“渝快办”“渝快政”双平台迭代升级。", [("“渝快办”", P), ("“渝快政”", P)]),
    ("健全政务数据共享机制，打破信息孤岛。", []),
    ("建设不动产登记“一窗受理”平台，实现交易、登记、缴税一窗办理。", [("不动产登记“一窗受理”平台", P)]),
    ("对全区各单位网站进行集约化整合。", []),
    ("承担贵阳市政府网站集约化平台的日常运维。", [("贵阳市政府网站集约化平台", P)]),
    ("通过“津心办”实现老年人优待证网上申领。", [("“津心办”", P)]),
    ("加快公共数据授权运营平台建设。", [("公共数据授权运营平台", P)]),
    ("建设全市统一的视频共享平台，整合视频监控点位8000余路。", [("视频共享平台", P)]),
    ("做好中国政府网、省政府网的信息报送工作。", [("中国政府网", P), ("省政府网", P)]),
]

#: Written last, measured once before anything else changed: P .909 R .938 (gazetteer off), P .879 R .906 (on).
HAND_HELD = [
    ("负责南昌市人民政府门户网站的内容保障和技术运维。", [("南昌市人民政府门户网站", P)]),
    ("通过“赣服通”南昌分厅上线高频事项156项。", [("“赣服通”南昌分厅", P)]),
    ("完成市级数据共享交换平台与省平台的级联对接。", [("市级数据共享交换平台", P)]),
    ("保障全市各级政务服务中心正常运转。", []),
    ("运维“石家庄发布”政务新媒体矩阵。", []),
    ("建设安全生产风险监测预警系统，接入重点企业1200家。", [("安全生产风险监测预警系统", P)]),
    ("依托“皖企通”平台兑现惠企资金3.5亿元。", [("“皖企通”平台", P)]),
    ("全年12345热线受理群众来电45万件。", [("12345热线", P)]),
    ("负责市政府网站和政务新媒体的监督管理。", [("市政府网站", P)]),
    ("推进全省一体化政务大数据体系建设。", []),
    ("升级改造不动产登记信息管理系统，压缩办理时限。", [("不动产登记信息管理系统", P)]),
    ("积极推广使用“皖事通”办事大厅。", [("“皖事通”办事大厅", P)]),
    ("完成机关办公自动化系统的国产化改造。", []),
    ("建立重点项目调度平台，实行周调度、月通报。", [("重点项目调度平台", P)]),
    ("做好“合肥发布”微信公众号的日常运营。", [("“合肥发布”微信公众号", P)]),
    ("开展“互联网+监管”工作，归集监管行为数据。", [("“互联网+监管”", R)]),
    ("通过国家“互联网+监管”系统报送数据12万条。", [("国家“互联网+监管”系统", P)]),
    ("建设河长制信息管理平台，实现河湖巡查电子化。", [("河长制信息管理平台", P)]),
    ("组织开展全市信息系统密码应用安全性评估。", []),
    ("更新区级政务云平台服务器和存储设备。", [("区级政务云平台", P)]),
    ("依托“闽政通”APP实现医保电子凭证激活。", [("“闽政通”APP", P)]),
    ("建成覆盖市县乡三级的政务服务一体机网络。", []),
    ("负责12315投诉举报热线的日常运行。", [("12315投诉举报热线", P)]),
    ("加强与省政务服务网的数据对接。", [("省政务服务网", P)]),
    ("实施“放管服”改革，推动政务服务提质增效。", [("“放管服”改革", R)]),
    ("推动“长沙市民云”APP接入更多便民服务。", [("“长沙市民云”APP", P)]),
    ("做好全国投资项目在线审批监管平台的项目赋码工作。", [("全国投资项目在线审批监管平台", P)]),
    ("维护机房精密空调系统和UPS系统。", []),
    ("推进“一件事一次办”集成服务，梳理主题事项68个。", [("“一件事一次办”", R)]),
    ("建设智慧停车管理平台，整合停车泊位3.2万个。", [("智慧停车管理平台", P)]),
    ("开发“营商环境监测”小程序，收集企业诉求。", [("“营商环境监测”小程序", P)]),
    ("保障党政内网、电子政务外网安全稳定运行。", [("党政内网", P), ("电子政务外网", P)]),
    ("强化各类平台数据安全管理。", []),
    ("完成“郑好办”APP适老化改造。", [("“郑好办”APP", P)]),
    ("建立健全政府网站和政务新媒体考核评价机制。", []),
    ("全年市长信箱受理来信3600余件。", []),  # a site's column
    ("对接省统一身份认证平台，实现一次认证、全网通行。", [("省统一身份认证平台", P)]),
    ("建设城市生命线安全工程监测系统。", [("城市生命线安全工程监测系统", P)]),
    ("推进数字乡村建设，完善农村电商服务站点。", [("数字乡村", R)]),
    ("开展公共数据开放平台数据更新。", [("公共数据开放平台", P)]),
]


def _found(sentences: list[str], names: list[str], gazetteer) -> tuple[list[bool], int]:
    """Which names are found whole as platforms; how many other spans overlap a name (wrong boundaries)."""
    from nlp.entities import extract
    from nlp.pipeline import load_pipeline

    found = extract(sentences, nlp=load_pipeline(gazetteer=gazetteer))
    hits, wrong = [], 0
    for sentence, name, ents in zip(sentences, names, found):
        s = sentence.index(name)
        e = s + len(name)
        hits.append(any((x.start, x.end, x.label) == (s, e, P) for x in ents))
        wrong += sum(1 for x in ents if x.start < e and s < x.end and (x.start, x.end, x.label) != (s, e, P))
    return hits, wrong


def _sentence(text: str, start: int, end: int) -> tuple[int, int]:
    a = max(text.rfind(c, 0, start) for c in "。；！？\n") + 1
    ends = [k for k in (text.find(c, end) for c in "。；！？\n") if k >= 0]
    return a, (min(ends) + 1 if ends else len(text))


def frames_of_corpus() -> list[tuple[str, str, int, int]]:
    """(where, sentence, start, end) of every platform the corpus gold marks."""
    from nlp.evaluation import load_gold, occurrences

    out = []
    for row in load_gold():
        for s, e, label in occurrences(row["text"], [tuple(x) for x in row["entities"] or []]):
            if label == P:
                a, b = _sentence(row["text"], s, e)
                out.append((f"{row['report'][:3]}:{row['line']}", row["text"][a:b], s - a, e - a))
    return out


def frames_of_devset_train() -> list[tuple[str, str, int, int]]:
    """The same for the development set's train split (read at test time, never the test split)."""
    from nlp.evaluation import load_devset_gold, region_paragraphs

    out = []
    for row in load_devset_gold(split="train"):
        raw = (DEVSET / "text" / row["report"]).read_text(encoding="utf-8")
        paragraphs = region_paragraphs(raw, row["regions"])
        for s, e, label in row["entities"]:
            if label != P:
                continue
            for text, offs in paragraphs:
                at = {o: k for k, o in enumerate(offs)}
                if s in at and (e - 1) in at:
                    a, b = _sentence(text, at[s], at[e - 1] + 1)
                    out.append((row["report"][:3], text[a:b], at[s] - a, at[e - 1] + 1 - a))
                    break
    return out


def cases(frames, names: list[str], per_frame: int = 3) -> list[tuple[str, str, str]]:
    """(where, sentence, name): each frame with ``per_frame`` names, in turn through the list."""
    out, k = [], 0
    for where, text, s, e in frames:
        for _ in range(per_frame):
            name = names[k % len(names)]
            k += 1
            out.append((where, text[:s] + name + text[e:], name))
    return out


def _known_text() -> str:
    files = [
        *sorted((ROOT / "training" / "annotations").glob("*.jsonl")),
        *(ROOT / "training" / "readsets").glob("*.jsonl"),
    ]
    parts = [p.read_text(encoding="utf-8") for p in files]
    return "\n".join(parts)


def test_names_are_not_in_the_training_files():
    known = _known_text()
    assert not [n for n in DEV + HELD if n.strip("“”") in known]
    assert not set(DEV) & set(HELD)


def _run(frames, names, gazetteer, label: str, show: bool) -> tuple[float, float]:
    cs = cases(frames, names)
    hits, wrong = _found([c[1] for c in cs], [c[2] for c in cs], gazetteer)
    recall = sum(hits) / len(hits)
    precision = sum(hits) / (sum(hits) + wrong) if sum(hits) + wrong else 1.0
    print(
        f"\n{label}: {sum(hits)}/{len(hits)} found whole, {wrong} wrong spans over a name: "
        f"R {recall:.3f} P {precision:.3f}"
    )
    if show:
        for (where, sentence, name), hit in zip(cs, hits):
            if not hit:
                print(f"   missed {name} in {where}: {sentence}")
    return precision, recall


@pytest.fixture(scope="module")
def gazetteer():
    from kg.gazetteer import project_entries

    return project_entries()


@pytest.mark.parametrize("names", ["DEV", "HELD"])
@pytest.mark.parametrize("use_gazetteer", [False, True], ids=["gazetteer off", "gazetteer on"])
def test_other_shapes_in_corpus_sentences(names, use_gazetteer, gazetteer):
    p, r = _run(
        frames_of_corpus(),
        globals()[names],
        gazetteer if use_gazetteer else (),
        f"corpus frames, {names} names, gazetteer {'on' if use_gazetteer else 'off'}",
        show=True,
    )
    assert min(p, r) >= FLOOR[names]


#: The development lists meet issue 13's 0.90; the held-out one is asserted below its first measurement.
FLOOR = {"DEV": 0.90, "HELD": 0.85, "HAND_DEV": 0.90, "HAND_HELD": 0.85}


@requires_devset
@pytest.mark.parametrize("names", ["DEV", "HELD"])
def test_other_shapes_in_devset_train_sentences(names):
    p, r = _run(frames_of_devset_train(), globals()[names], (), f"devset train frames, {names} names", show=False)
    assert min(p, r) >= FLOOR[names]


def _hand(rows, gazetteer) -> tuple[int, int, int]:
    from nlp.entities import extract
    from nlp.pipeline import load_pipeline

    found = extract([s for s, _ in rows], nlp=load_pipeline(gazetteer=gazetteer))
    tp = fp = fn = 0
    for (sentence, expected), ents in zip(rows, found):
        got = [(e.text, e.label) for e in ents if e.label in (P, R)]
        hits = [g for g in got if g in expected]
        tp, fp, fn = tp + len(hits), fp + len(got) - len(hits), fn + len([x for x in expected if x not in got])
        if sorted(got) != sorted(expected):
            print(f"   {sentence}: expected {expected}, found {got}")
    return tp, fp, fn


@pytest.mark.parametrize("rows", ["HAND_DEV", "HAND_HELD"])
@pytest.mark.parametrize("use_gazetteer", [False, True], ids=["gazetteer off", "gazetteer on"])
def test_hand_written_sentences_of_other_provinces(rows, use_gazetteer, gazetteer):
    tp, fp, fn = _hand(globals()[rows], gazetteer if use_gazetteer else ())
    print(f"\nhand-written, {rows}: P {tp / (tp + fp):.3f} R {tp / (tp + fn):.3f} ({tp}/{tp + fp}/{tp + fn})")
    assert min(tp / (tp + fp), tp / (tp + fn)) >= FLOOR[rows]
