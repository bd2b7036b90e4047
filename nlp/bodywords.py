"""The words a government body's name is made of and told by: the suffixes that end it (…局, …委员会, …处),
the characters after a suffix that make it another word (局长, 部门, 处理), words that end like a body and name
none (格局, 公司, 交办), nouns that end like a place and are none (城市, 社区), and the verbs that put a body after
them (会同, 设立).  Domain vocabulary, never a body's name; :mod:`nlp.agencies` and :mod:`nlp.unitlists` apply it.
"""

from __future__ import annotations

import re

from nlp.orgnames import ORG_SUFFIXES

#: The Chinese characters, as a regular expression's character range.
HAN = "\u4e00-\u9fff"

#: What a body's name ends with: nlp.orgnames' suffixes of a body's full name, without 馆 and 会 (in running text
#: they end halls and meetings, 展览馆 / 工作会, far more often than bodies), and the suffixes of internal units,
#: groups and short forms that a 机构设置 list or a responsibility names (处, 科, 领导小组, 人民政府 …).
BODY_SUFFIXES = (
    *(s for s in ORG_SUFFIXES if s not in ("馆", "会")),
    "联席会议办公室",
    "联席会议",
    "全面深化改革委员会",  # a party committee's standing body (县委全面深化改革委员会办公室)
    "监委",  # 监察委员会, printed with 纪委 (市纪委监委)
    "领导小组办公室",
    "领导小组",
    "专项工作组",
    "工作组",
    "纪检监察组",
    "纪检组",
    "办公厅",
    "管委会",
    "常委会",
    "工作部",
    "研究院",
    "研究所",
    "研究室",
    "接待室",
    "监察室",
    "督查室",
    "服务中心",
    "中心支行",
    "支行",
    "分局",
    "人民政府",
    "政府",
    "机关党委",
    "党委",
    "团委",
    "工会",
    "学院",
    "法院",
    "检察院",
    "气象台",
    # short names of bodies a responsibility names: 市人大, 县政协, 省防总 (防汛…总指挥部), 市防指 (…指挥部)
    "指挥部",
    "人大",
    "政协",
    "防总",
    "防指",
    "部",
    "处",
    "科",
    "司",
    "室",
    "股",
)
#: The body suffixes as a regular expression's alternatives, longest first; compiled, and at a name's end.
SUFFIX_PATTERN = "|".join(sorted(BODY_SUFFIXES, key=len, reverse=True))
SUFFIX_RE = re.compile(SUFFIX_PATTERN)
SUFFIX_END = re.compile(f"(?:{SUFFIX_PATTERN})$")
#: A run of Chinese characters.
HAN_WORD = re.compile(f"[{HAN}]+")
#: A suffix character followed by these is another word (局长, 局面, 部门, 处理, 办理, 委托, 所有 …).
NOT_AN_END = {
    "局": "长面限势部",
    "委": "员托屈婉",
    "办": "理法事公好结件学经",
    "厅": "局级长",
    "处": "理置罚长于在分",
    "科": "学技研普长信",  # 科信局 (科技和信息化局) is one short name
    "院": "长士校",
    "所": "有在属以得需长",
    "站": "点长位",
    "部": "门分署长位件",
    "室": "主",
    "心": "任城",
    "队": "伍长员",
    "司": "法机长",
    "股": "份东票长",
    "会": "议同计员长",
    "府": "部",
    "大": "代常",  # 人大代表 is a person, 人大常委会 a longer name
    "协": "委会议商调助作",  # 政协委员 is a person, 协商 a verb
    "总": "指结体队监",
    "指": "挥导示标数引",
}
#: Words ending in a suffix character that name no body (大局, 格局, 公司: a company is no government body).
NOT_A_BODY = {
    "大局",
    "格局",
    "布局",
    "全局",
    "当局",
    "结局",
    "开局",
    "变局",
    "时局",
    "公司",
    "上司",
    "干部",
    "内部",
    "外部",
    "全部",
    "局部",
    "东部",
    "西部",
    "南部",
    "北部",
    "中部",
    "总部",
    "基层",
    "场所",
    "住所",
    "厕所",
    "处所",
    "诊所",
    "寓所",
    "网站",  # a website, no station (驻外单位网站: no body, whatever owns it)
    *("排队", "团队", "梯队"),  # a queue, a team, an echelon: no brigade (政务服务排队叫号系统)
    # 办 as a verb's object or a service mode: 交办, 督办, 网办, 通办 …
    *("交办", "承办", "督办", "主办", "协办", "会办", "代办", "举办", "创办", "开办", "兴办", "申办", "查办", "帮办"),
    *("领办", "导办", "网办", "通办", "快办", "好办", "即办", "掌办", "联办", "易办", "可办", "必办"),
    *("部署", "签署", "公署"),
}
#: Common nouns ending like a place (城市, 社区, 园区 …): no place of their own.
NOT_PLACES = {
    "城市",
    "都市",
    "超市",
    "城区",
    "市区",
    "地区",
    "社区",
    "园区",
    "景区",
    "小区",
    "街区",
    "片区",
    "辖区",
    "山区",
    "郊区",
    "湾区",
    "县区",
    "市县",
    "省市",
    "区县",
    "区市",
    "县市",
    "省区",
    "全市",
    "全区",
    "全县",
    "全省",
    "本市",
    "本区",
    "我市",
    "我区",
}
#: Verbs that put a body after them and that jieba may glue to its level character (会同市…, 组建区…).
BODY_LEADS = {
    "会同",
    "配合",
    "协助",
    "协调",
    "联合",
    "报请",
    "报送",
    "提请",
    "会商",
    "组建",
    "设立",
    "成立",
    "委托",
    "承办",
    "按照",
    "根据",
    "依照",
    "接受",
    "服从",
    "提交",
    "上报",
    "报经",
    "经由",
}
#: Single characters that lead a name when jieba glued them to its first character (将区…, 向市…, 受县…).
GLUED_LEAD = set("原将向由经对在为与和及从把报按据以至受请给")


def unit_end(name: str) -> bool:
    """Does ``name`` end in a body suffix (not in a word like 公司, 交办, 格局)?"""
    m = SUFFIX_END.search(name)
    if not m or (len(m.group(0)) == 1 and name[-2:] in NOT_A_BODY):
        return False
    # 办公室, 研究室, 机关党委, 工会, 团委 are units on their own
    return len(name) > len(m.group(0)) or len(name) >= 3 or name in ("工会", "团委", "党委", "党办")


#: Fields of the lines of government that jieba's dictionary knows no body of (it knows 公安局, 审计署, 民政厅, 信访办:
#: :func:`nlp.sectors.line_field` reads those from it): what the bodies' names of today's lines hold before their
#: suffix (卫生健康委, 人力资源社会保障局, 市场监管局), full and short.  Fields of work a system is named by as often
#: (政务服务, 大数据, 数据资源) are left out: 全省政务服务系统 may be either.
# fmt: off
LINE_FIELDS = frozenset({
    "卫生健康", "卫健", "卫生计生", "计划生育", "人力资源社会保障", "人力资源", "社会保障", "人社", "劳动保障", "市场监管",
    "市场监督管理", "食品药品监督管理", "应急管理", "应急", "医疗保障", "医保", "退役军人事务", "自然资源", "生态环境",
    "农业农村", "住房城乡建设", "城乡建设", "住建", "交通运输", "发展改革", "发展和改革", "发改", "工业和信息化", "工信",
    "科学技术", "文化旅游", "文旅", "文化广电", "广播电视", "乡村振兴", "机关事务", "纪检监察", "纪委监委", "组织", "宣传",
    "统战", "政法", "网信", "机构编制", "编办", "民族宗教", "民宗", "林草", "草原", "水务", "城市管理", "综合行政执法",
    "综合执法", "行政审批", "住房公积金", "公积金", "司法行政", "人民法院", "人民检察院", "法院", "检察院", "妇联", "残联",
    "工会", "共青团", "科协", "侨联", "工商联", "供销", "烟草", "邮政", "国防动员", "人防", "地方金融", "金融监管", "投资促进",
    "粮食和物资储备", "物资储备",
})
# fmt: on
