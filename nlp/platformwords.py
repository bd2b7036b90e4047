"""The words platform names are made of and found by: head words, generic words, the verbs in front of a name,
fields of work, building systems, and the shape of provincial service brands (粤省事, 随申办).  Domain vocabulary, never names;
:mod:`nlp.candidates`, :mod:`nlp.coinednames` and :mod:`nlp.namechecks` apply them.
"""

from __future__ import annotations

import re

from nlp.placebrands import LATIN_MIDDLE_ENDS, LITERARY, PLACE_CHARS

#: Head words that end a platform's name (longest first so 门户网站 wins over 网站).
# fmt: off
PLATFORM_HEADS = ("管理系统", "服务平台", "综合平台", "信息平台", "数据平台", "支撑平台", "大平台", "平台", "系统", "门户网站", "门户网", "网站群", "网站", "官网",
                  "数据库", "证照库", "公众号", "小程序", "APP", "App", "app", "客户端", "服务热线", "便民热线", "热线", "信息网络",
                  "专网", "外网", "内网", "内部网", "政务网", "服务网", "一体机", "自助机", "自助终端", "专区", "名录库", "信息库", "文件库", "政策库", "资源库", "基础库", "主题库", "专题库", "服务大厅",
                  "办事大厅", "分厅", "服务超市", "一卡通", "“一卡通”", "驾驶舱", "大脑", "门户", "热线电话", "公开电话",
                  "服务电话", "信箱", "专线", "移动端", "政府网", "信息网", "发布库", "政务微博", "官方微博", "官方微信", "抖音号", "快手号",
                  "视频号", "头条号", "大厅", "智脑", "骨干光网", "骨干网", "调度网", "专用网", "云",
                  "中台", "口岸", "窗口", "超市", "卡", "网络")
# fmt: on
#: The heads of a body's website (门户网站, 官网) and of its accounts (公众号, 抖音号): a body has one of each kind, its own
#: channel (nlp.deictic: 我局门户网站; nlp.candidates: 局|网站).
SITE_HEADS = ("门户网站", "门户网", "网站", "官网")
ACCOUNT_HEADS = ("公众号", "抖音号", "快手号", "视频号", "头条号")
#: A head ending in 网 is none before 络, 站, 页 or 格 (信息网|络, 区政府|网站, 网格).
#: 云 is a head (应急管理云) unless a word goes on (云计算, 云服务, 云平台: that head is the longer one).
#: 云 before a line break and jieba's rest of a word with it (云|计算, 云|存储, 云|原生, 云|桌面) is that word's, no cloud's head
#: (电子政务云|计算中心: a centre of cloud computing).
CLOUD_WORD_AFTER = re.compile(r"\s*(?:计算|存储|原生|桌面)")
_AFTER_A_HEAD = {"网": "(?![络站页格])", "云": "(?![\u4e00-\u9fffA-Za-z])(?!" + CLOUD_WORD_AFTER.pattern + ")"}
#: 上云 is a verb (to move onto the cloud: 业务系统全部上云), not a head 云.  A port (口岸) or a window (窗口) is a
#: place or a counter; only the government's channels of trade named so are platforms: 电子口岸 (the electronic
#: port), 单一窗口 (the single window for declarations) — named by those words alone (namechecks.standard_network).
#: 超市 is a platform's head only as a market of services online (网上中介超市, 政府采购网上超市; 服务超市 is a head of
#: its own), not a shop (社区超市, 连锁超市).
#: 卡 is a platform's head only as a card of a public service (社保卡, 民生卡, 电子社保卡, 社保（市民）卡, 居民健康卡), not
#: a credential or an account's card (备案卡, 公务卡, 银行卡).
#: The topics of a kind of card every holder gets (社保卡, 医保卡, 健康卡, 交通卡, 老年卡); 市民, 民生 and 惠民 name a
#: city's card scheme of its own (民生卡, 市民卡).
_CARD_KINDS = ("社保", "医保", "健康", "社会保障", "交通", "公交", "老年", "老年人")
_CARD_TOPICS = (*_CARD_KINDS, "市民", "民生", "惠民")
_CARD_TOPIC = "(?:" + "|".join(sorted(_CARD_TOPICS, key=len, reverse=True)) + ")"
_CARD_KIND = "(?:" + "|".join(sorted(_CARD_KINDS, key=len, reverse=True)) + ")"
#: A kind of card by its whole name — a place or level, who holds it, a financial form, the kind — not the electronic
#: card (电子社保卡), a service of its own.
CARD_KIND = re.compile(
    rf"(?:[省市区县]|[\u4e00-\u9fff]{{2,6}}[省市区县])?(?:居民|第[一二三]代)?(?:金融)?{_CARD_KIND}(?:[（(]{_CARD_TOPIC}[)）])?卡"
)
#: A card's whole name: its owner's place or level, who holds it, its form, its topic (and a second topic in brackets) —
#: words in front of these are the clause's (现凭|民生卡, 学校|民生卡, 公立卫生医疗机构|民生卡).
CARD_NAME = re.compile(
    rf"(?:[省市区县]|[\u4e00-\u9fff]{{2,6}}[省市区县])?(?:居民|第[一二三]代)?(?:电子|金融)?{_CARD_TOPIC}"
    rf"(?:[（(]{_CARD_TOPIC}[)）])?卡$"
)
#: What stands (or does not) right in front of these heads, looked behind from the head's end, the head included: a
#: branch that opens with its head's characters is tried only where they stand (a lookbehind first in a branch is tried
#: at every character of the text, and keeps the regular expression engine from skipping to a head's first
#: character: a paragraph's scan for heads took 17× as long).
_BEFORE_A_HEAD = {
    "云": "(?<!上云)",
    "口岸": "(?<=电子口岸)",
    "窗口": "(?<=单一窗口)",
    "超市": "(?<=中介超市|网上超市)",
    # a government's network named by its owner (国务院网络, 自治区政府网络: open13's guideline 5), not the online world
    # of a modifier (政府网络舆情, 政府网络安全) — a sector's networks have their head 信息网络
    "网络": "(?<=政府网络|务院网络)(?!舆情|安全|空间|问政|理政|信息|文化|传播|宣传|推广|形象|营销|评论|生态|诈骗|谣言|直播|与信息|和信息|环境|平台|系统)",
    # the party and government bodies' own network, named as the internet is (党政互联网): not the internet itself
    "互联网": "(?<=党政互联网|政务互联网)(?![+＋十]|化|思维|企业|公司|平台|系统)",
    "卡": "(?:" + "|".join(f"(?<={t}卡)|(?<=（{t}）卡)|(?<=\\({t}\\)卡)" for t in _CARD_TOPICS) + ")",
}
#: A head only with the words it is looked behind for (党政互联网): the word alone is the internet, no platform's end,
#: and is not among the heads a word is tested to end with.
_HEADS_IN_CONTEXT = ("互联网",)
HEAD = re.compile(
    "|".join(
        re.escape(h) + _BEFORE_A_HEAD.get(h, "") + _AFTER_A_HEAD.get(h[-1], "")
        for h in (*PLATFORM_HEADS, *_HEADS_IN_CONTEXT)
    )
)
#: An indefinite article makes a mention no particular one (一个平台, 一套系统); 同一 refers back (使用同一个平台); 第一条 is an
#: article's number, no article of a noun (第一条 为加强…云平台管理).
INDEFINITE = re.compile(r"(?<!第)同?一[个套批种张座条项](?!(?<=一套)表|(?<=一张)图)")
#: A count and the thing counted that are one term of a data system, no count: 一套表 (the statistical system's one set of
#: forms every enterprise reports on: 一套表联网直报平台), 一张图 (the one map of land and planning data: 一张图系统).
COUNTED_TERM = re.compile(r"一套表|一张图")


def counted_term_start(text: str, end: int, word_starts: dict[int, int]) -> int | None:
    """Where a counted term (:data:`COUNTED_TERM`) ending at ``end`` starts, when it starts a word (``word_starts``: the
    text's word starts): 一套|表 in 一套表联网直报平台 is the name's words, neither a count nor a verb (表) in front of it."""
    term = next((t for t in COUNTED_TERM.finditer(text, max(0, end - 3), end) if t.end() == end), None)
    return term.start() if term is not None and term.start() in word_starts else None


#: Plural, class and indefinite words in front: no particular system (各业务系统, 存量业务系统, 一批平台).
PLURAL_WORDS = {"各", "各类", "各项", "各级", "各个", "每个", "相关", "有关", "其他", "其它", "所有", "全部", "多个", "一批", "若干",
                "一系列", "一些", "各种", "不同", "以上", "下列", "上述", "该", "此", "存量", "新增", "增量", "现有", "原有",
                "已有", "已建", "在建", "自建", "垂建", "上级", "下级", "同级", "本地", "这些", "众多", "首个", "首批", "一个", "一套",
                "一种", "最佳", "优秀", "十佳", "各地", "各市", "各县", "各区", "各镇", "各乡镇", "各镇街", "各街道", "各部门",
                "各单位"}  # fmt: skip
#: A count in front makes a mention plural: 五大数据库, 两个平台.
COUNT_START = re.compile(
    r"[一二三四五六七八九十两几多双]+[大个项类种套批]?(?=平台|系统|网)|[一二三四五六七八九十两几多]+[大个项类种套批](?!(?<=一套)表)"
)
#: A device a network or system only qualifies (政务网|电脑, 外网|终端, 平台|服务器): the device is named, not the network —
#: the text neither runs, keeps nor uses the network there.
DEVICE_AFTER = re.compile(r"电脑|计算机|服务器|交换机|路由器|防火墙|打印机|笔记本|台式机|(?<=网)终端")
#: After these a head word is no head: 系统规划, 平台化, 系统推进 (systematically), 平台经济, 平台主体责任, 系统内 (within a
#: sector), 平台体系 (a framework of platforms, 热线体系 of hotlines: the kind built up, no one of them), 政务网电脑, 外网终端,
#: 平台服务器 (a device: :data:`DEVICE_AFTER`) — not 大厅内 (inside the hall) or 网内容 (a site's content); 客户端记者,
#: 网站通讯员: a newspaper's outlet in a byline, whose reporter took the picture, no platform the text speaks of.
# fmt: off
NOT_A_HEAD_AFTER = re.compile(DEVICE_AFTER.pattern + r"|规划|体系|性|化|工程|(?<!厅)内(?!容)|点|格|干部|工作人员|人员|职工|记者|通讯员|各级|推进|谋划|部署|梳理|施策|治理|研究|学习|总结|栏目|"
                               r"构建|布局|解决|思维|观念|集成|经济|产业|企业|主体|商家|公司|机(?![构关制遇会房器柜位])")
# fmt: on
#: Work done to a thing — publicising, training, assessing, adjusting, consulting, evaluating, testing, monitoring,
#: inspecting (jieba's verbal nouns): before a name of nouns, after a lead, a verb or an adverb, it governs the name
#: (加强|宣传|不动产登记信息平台); after a noun it is the name's own activity (绩效|考核|系统), and before another activity
#: of the name too (培训|管理平台): :func:`nlp.headwalk.an_activity_before_a_whole_name`.
WORK_ON_A_THING = {
    "宣传",
    "培训",
    "考核",
    "调整",
    "咨询",
    "评估",
    "检测",
    "测试",
    "监控",
    "审查",
    "调研",
    "排查",
    "核查",
    "推介",
    "普及",
    "检修",
    "巡检",
    "整改",
    "演练",
    "考评",
    "评审",
    "督导",
}
#: Generic words naming a part of a system (its information, data, business, software or applications): with a bare
#: head after a system's name they are that system's own part, no system of their own (…平台|业务系统, …网站|信息系统,
#: …平台|软件系统: the name ends at its own head — tests/gold/README.md, *A part named after a system*).
PART_WORDS = {
    "信息",
    "数据",
    "业务",
    "软件",
    "应用",
    "软件系统",
    "业务系统",
    "信息系统",
    "应用系统",
    "数据平台",
    "信息平台",
}
#: Another head right after a head: the name goes on (热线|平台, 服务超市|管理平台, 系统|平台) — a system named by what it
#: does with the first (…卡|管理平台), not its part named by generic words (:data:`PART_WORDS`: …平台|业务系统).
HEAD_AFTER = re.compile(r"(?:管理|服务|综合)?(?:平台|系统)|知识库|数据库")
#: A scope word naming a whole territory, at any level (全国, 全省, 全州, 全盟, 全区, 全县, 全旗, 全镇): before a field's
#: 系统 the field's line of bodies across it (全省|卫生健康系统: :mod:`nlp.sectors`); before a head named only by the kind
#: of its owner, every owner's one across it (全国|政府网站: :func:`nlp.namechecks.across_a_territory`).
_TERRITORIES = "国省市州盟区县旗镇"
WHOLE_TERRITORY = re.compile(f"全[{_TERRITORIES}]")
#: The whole territory's words (全省, 全盟, 全旗 …): scope words in front of a name, verbs' companions in front of it.
WHOLE_TERRITORY_WORDS = {f"全{t}" for t in _TERRITORIES}
#: Scope words in front of a name that are not part of it.
SCOPE_WORDS = WHOLE_TERRITORY_WORDS | {"一体化", "统一", "集约化", "我区", "我市", "本区", "本市"}
#: A mention that is only these words (and a place) before its head is generic: 信息系统, 业务平台.
# fmt: off
GENERIC_WORDS = {"信息", "信息化", "业务", "应用", "相关", "有关", "其他", "其它", "各类", "各项", "各", "该", "此", "本", "新",
                 "新媒体", "软件", "硬件", "网络", "互联网", "线下", "主题", "专题", "核心", "现有", "原有", "数据", "各级", "上述", "一体化", "综合", "统一",
                 "工作", "专项", "平台", "系统", "门户", "官方", "移动", "线上", "网上", "在线", "电子", "管理",
                 "服务", "办公", "运行", "运维", "技术", "基础", "配套", "自有", "内部", "外部", "重点", "重要", "主要", "多个",
                 "部门", "单位", "机关", "政府", "政务", "自建", "全部", "所有", "两个", "三个", "不同", "以上", "下列", "媒体",
                 "微信", "支付宝", "微博", "手机", "政府部门", "交流", "计算机", "多媒体", "电子政务", "抖音", "头条", "短信", "OA", "IT", "APP", "办公自动化", "公共", "区级", "市级", "省级", "县级",
                 "镇级", "乡级", "村级", "载体", "设备", "网络设备", "内网", "外网", "专网", "年度", "综合性", "实体", "现场", "智慧", "智能", "街道", "社区", "镇街", "村居",
                 "基层", "窗口", "后台", "前台", "终端", "自助", "软件控件", "上级", "下级", "同级", "本地", "政务云",
                 "光纤", "有线", "无线", "宽带", "存量", "增量", "新闻", "安全", "网络安全", "信息安全"}
# fmt: on
#: Verbs and function words that budget prose puts in front of a name; the name starts after them.
# fmt: off
LEAD_WORDS = {"充分发挥", "发挥", "进入", "更新", "管理", "建设", "维护", "运维", "保障", "推进", "完善", "优化", "提升", "提高", "开发", "建立", "实现", "确保", "推动",
              "统筹", "负责", "依托", "通过", "升级", "上线", "推广", "运营", "接入", "打造", "搭建", "建好", "指导", "加强", "落实",
              "使用", "共用", "利用", "整合", "对接", "访问", "登录", "关注", "下载", "深化", "做好", "抓好", "持续", "不断", "进一步",
              "全面", "积极", "切实", "继续", "加快", "深入", "扎实", "全力", "用好", "管好", "依据", "基于", "运用", "借助",
              "融合", "联通", "打通", "包括", "主要", "其中", "以及", "即", "如", "等", "为", "的", "和", "与", "及", "或", "并", "暨",
              "对", "在", "由", "将", "把", "向", "从", "于", "是", "了", "有", "经", "按", "据", "以", "至", "及其", "我局",
              "本局", "我厅", "本厅", "我委", "我办", "我院", "我中心", "本单位", "我单位", "该局",
              *(WHOLE_TERRITORY_WORDS - {"全国"}),  # 全国一体化在线政务服务平台: the country's own platform's name
              "全局", "全厅", "全委", "全院",  # the whole body (保障全局|计算机网络系统): a scope as 全市 is, no name's
              "我市", "我区", "我省", "本市", "本区", "本省", "各区", "各市", "各县", "组织", "开展", "采购", "购买", "支付",
              "新建", "改造", "扩建", "迁移", "部署", "启用", "覆盖", "服务于", "保证", "支撑", "支持", "配合", "协调", "协助",
              "承担", "参与", "牵头", "督促", "监督", "检查", "完成", "开通", "健全", "形成", "构建", "应用于", "用于", "涉及",
              "本期", "本次", "此次", "现有", "原有", "已有", "已建", "在建", "监督管理", "纳入", "年度", "压实",
              "充分利用", "有效利用", "需要", "成为", "作为", "属于", "进行", "使", "让", "给", "提供", "随着", "启动",
              "投入", "投入使用", "试运行", "运行维护", "办理", "承办", "处理", "接听", "拨打", "更换", "维修", "赋予", "给予", "授予", "进驻", "适宜", "投用", "建成投用", "重新", "及时", "定期", "逐步", "认真", "大力",
              "着力", "努力", "有效", "同步", "实行", "采用", "采取", "设立", "开设", "设置", "新设", "开辟", "建成",
              "投放", "布设", "配备", "增设", "安装",  # devices set out (在镇街|投放|…一体机)
              # making, renting, moving and using a system (续租|政务云平台, 研发|移动执法APP, 谋划建设|城市大脑)
              "研发", "谋划", "试点", "迭代", "扩容", "续租", "租用", "租赁", "托管", "落地", "引进", "推出", "嵌入",
              "接驳", "入驻", "汇聚",
              "安排",  # the budget's verb of funding (安排|统计数据共享平台运维经费)
              "上联", "下联",  # a network joined to the level above or below (市电子政务外网|上联|省电子政务外网)
              "新版", "旧版", "老版", "改版", "升级版", "新一代", "原", "到"}  # qualifiers of a version: not the name's
# fmt: on
#: Verbs of making a thing in front of a system's name: the words name a kind still to be made (推动建设政务服务平台);
#: after the name, the making of it as a field of work (政务服务平台建设, 政务云建设工作), not its project (建设项目).
MAKING_VERBS = {
    "建设",
    "打造",
    "搭建",
    "建立",
    "构建",
    "推进",
    "推动",
    "新建",
    "筹建",
    "规划",
    "谋划",
    "开发",
    "研发",
    "探索",
    "建好",
}  # fmt: skip
MAKING_AFTER = re.compile(r"(?:建设|搭建|开发)(?!项目|运维|维护|经费|资金|费)")
#: Verbs of making a thing better that jieba's dictionary tags as nouns, adjectives or places (规范 n, 整治 n, 美化 ns,
#: 畅通 a): in front of a name they govern it as the verbs above do (规范|政务服务大厅标准化建设, 畅通|12345热线), no name
#: starts with one; after a noun of the name they are the name's (线上|规范化|任务管理系统: nlp.nameleads); the trained
#: NER's names are cut after them too (nlp.entities).
# fmt: off
IMPROVING_VERBS = {"规范", "规范化", "精简", "整治", "净化", "美化", "畅通", "丰富", "提质", "强化", "拓展", "改进", "巩固",
                   "理顺", "简化", "细化", "固化"}
# fmt: on
#: The leads of two characters or more, longest first: a word outside jieba's dictionary that starts or ends with one
#: is a lead glued to another word (继续抓好), no name's own (:mod:`nlp.nameleads`).
LONG_LEADS = sorted((w for w in LEAD_WORDS if len(w) >= 2), key=len, reverse=True)
#: Words that are a verb or a noun: part of a name after a noun or right before the head, else a lead.
NOUN_VERBS = {"管理", "建设", "运维", "服务", "运营", "监督", "处理", "开发", "研发", "租赁", "托管", "汇聚"}
#: Fields of government work that jieba tags as verbs but name systems (信访信息系统, 审批系统, 统计数据库).
# fmt: off
TOPIC_VERBS = {"信访", "审批", "审计", "统计", "执法", "督办", "采购", "登记", "调解", "缴税", "征收", "受理", "举报", "投诉",
               "查询", "指挥", "报送", "填报", "交换", "认证", "支付", "结算", "预约", "办公", "办事", "运行", "调度",
               "监测", "巡查", "考勤", "排队", "叫号", "评价", "督查", "审核", "发布", "交易", "招标", "投标", "缴费", "申报",
               "联合", "协同", "集成", "在线", "预警", "化解", "解", "自助", "联网", "共享", "协作", "互动", "移动",
               "治理", "掌上", "应急", "监管", "采集", "预算", "开放"}
# fmt: on

#: Where a service is handled (网上, 线上, 掌上, 指尖): before 办 a mode of service (网上|办), which names the platform
#: it is done on as 网上办事 does (网上办平台, 掌上办平台, 网上办事平台), no generic verb.
CHANNEL_WORDS = {"网上", "线上", "掌上", "指尖", "云上"}
#: One-character abbreviations of provinces and cities that brand names start with (粤省事, 随申办
#: starts with 随 + 申), and their literary names (天府通办, 三晋通): nlp.placebrands.  Service words that end such brands.
_PLACE_CHARS = PLACE_CHARS
# fmt: off
_BRAND_TAILS = ("省事", "好办", "易办", "快办", "通办", "政易", "商通", "智管", "康码", "里办", "心办", "e办", "i办", "办事",
                "政通", "民通", "企通", "智办", "掌办", "好查", "安居", "好督", "治理", "服务")
# fmt: on
#: Service morphemes between a place character and the service word: 苏服办, 皖事通, 蒙速办, 冀时办, 鄂汇办.
_BRAND_MIDDLE = "事服易快好速时心汇政商里省智掌民企通eEiI"
# fmt: off
BRAND = re.compile(rf"(?:随[{_PLACE_CHARS}]办|[{_PLACE_CHARS}](?:{'|'.join(_BRAND_TAILS)})"
                   rf"|[{_PLACE_CHARS}][{_BRAND_MIDDLE}]{{1,2}}(?:办|通|易|码|钉|政)"
                   rf"|[{_PLACE_CHARS}][eEiI][{LATIN_MIDDLE_ENDS}]"
                   rf"|{LITERARY}(?:{'|'.join(_BRAND_TAILS)}|[{_BRAND_MIDDLE}]{{0,2}}(?:办|通|码))"
                   rf"|i[\u4e00-\u9fff]{{2,3}}(?=APP|App|app|平台|小程序))")
# fmt: on
#: Characters that make a brand's last 办 the start of a verb or noun: 办理, 办公, 办结, 办件.
VERB_AFTER_BAN = set("理公结件")
#: Head tokens' generic front parts (jieba's 管理信息系统 is one word).
GENERIC_COMPOUNDS = {"管理信息", "信息管理", "综合信息", "信息服务", "综合管理", "综合服务", "公共服务", "信息"}
BRAND_EXCLUDE = re.compile(r"^(?:京津|粤港|深港|珠港|珠澳|新办|新服务|宁办)")
#: Infrastructure of a building, no service (机房电力系统, 空调系统, 不间断电源系统, 防雷系统, a staff canteen's 食堂一卡通系统; an
#: emergency broadcast system, 应急广播系统, serves the public), and a room where a body does its own work (公安局指挥大厅,
#: 防汛调度大厅, 监控中心大厅, 会商大厅: tests/gold/README.md, buildings and rooms are no platform; the halls marked are the
#: service halls people come to, 政务服务大厅, 办事大厅).
# fmt: off
BUILDING_SYSTEM = re.compile(r"(?:电力|供电|配电|电源|防雷|新风|动环|(?:食堂|就餐|餐厅)(?:一卡通|消费|刷卡)?|空调|暖通|消防|照明|给排水|供水|排水|弱电|强电|门禁|电梯|安防|UPS|发电|报警|(?<!应急)广播|考勤|"
                              r"音响|扩声|会议室|(?<!治安视频)(?<!治安)监控)系统$|^(?:会议)系统$|(?:楼|机房|大厦|室)应急广播系统$|^(?:视频|视频监控|视频会议|视频会商|电话热线|多媒体发布|排队叫号)系统$|"
                              r"(?:指挥|调度|监控|监测|会商|值班|值守|接警|研判|作战|展示|展览|演示|演播)(?:中心|室)?大厅$")
# fmt: on
#: Words that modify a name's activities (综合运营管理平台, 智慧服务管理系统) and govern none.
NAME_MODIFIERS = {"综合", "智慧", "智能"}
#: Scope and level words: in front of a quoted name they say where, not which (基层|“四标四实”基础库).
# fmt: off
WHERE_WORDS = {"基层", "各级", "区级", "市级", "省级", "县级", "镇级", "上级", "下级", "同级", "本地", "相关", "有关", "各类", "现有"}
# fmt: on
#: Parts of speech (jieba's dictionary) that end a name going leftwards: verbs, prepositions,
#: conjunctions, particles, pronouns, numerals-with-classifier and punctuation-like tags.
# fmt: off
STOP_POS = {"v", "p", "c", "u", "uj", "ul", "uz", "ug", "ud", "uv", "r", "x", "y", "e", "o", "q", "zg", "t", "m", "mq",
             "i", "d", "ad"}
# fmt: on
#: Words of a level or a territory's scope opening a platform's name (省级, 区级, 市县级, 市本级, 本级, 省市两级, 全省,
#: 全市): where the name is, not which — tests/gold/README.md's ruling on levels: 省级政务云平台 → 政务云平台,
#: 省市两级政务服务协同平台 → 政务服务协同平台.  A level's one character is its owner and stays (区政务服务大厅,
#: 省政务服务大厅, 市数据共享交换平台), so does 全国 of a national system's name (全国信访信息系统).
#: 统一 after such words, before the government's own words (全市统一电子政务外网, 全省统一政务服务平台), says the one
#: system of the place, scope as the level is (session 20's ruling on 统一); with no scope in front it is the name's own
#: word (统一政务咨询投诉举报平台), and in a function's name it stays (统一身份认证平台).
_SCOPE = r"(?:[省市区县州盟旗镇乡村]{1,5}(?:本?级|[两三四五六]级)|本级|全[省市州盟区县旗镇]域?)"
_UNIFIED = r"统一(?=电子政务|政务)"
SCOPE_IN_FRONT = re.compile(rf"{_SCOPE}(?:{_UNIFIED})?")
#: 统一 opening a name whose scope words are printed just before it (全市|统一政务服务平台).
UNIFIED_AFTER_SCOPE = re.compile(_UNIFIED)
SCOPE_AT_END = re.compile(rf"{_SCOPE}$")


def scope_in_front(name: str, before: str = "") -> int:
    """How many characters of level or scope words (:data:`SCOPE_IN_FRONT`) open ``name``, a platform's name: 0 when none
    do, or when what follows them is no more than a head (区级平台) — the words are then all there is of a name.
    ``before``: the text in front of the name; the 域 of a whole territory's area cut off its 全省 there opens no name
    (全省|域一体化政务服务平台)."""
    m = SCOPE_IN_FRONT.match(name) or (UNIFIED_AFTER_SCOPE.match(name) if SCOPE_AT_END.search(before) else None)
    cut = m.end() if m else 1 if name.startswith("域") and WHOLE_TERRITORY.search(before[-2:]) else 0
    if not cut:
        return 0
    rest = name[cut:]
    head = HEAD.search(rest)
    return cut if head is not None and head.start() >= 2 else 0
