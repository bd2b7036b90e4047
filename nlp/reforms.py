"""Reform and initiative names found by their shape, not by a list of known names.

A reform or initiative is a named campaign or programme ending in 行动 / 专项行动 / 工程, a quoted service-mode name (“一网通办”, “最多跑一次”,
“互联网+政务服务”, “接诉即办”) with or without 改革, the quoted name of a work the text is doing (“飞鹰检”工作要求),
or the same service-mode names unquoted (programmes printed bare, 一网通办, 数字政府: :mod:`nlp.programmes`).  X改革 whose X
names what is reformed (商事制度改革) is :mod:`nlp.fieldreforms`'.

Everything here is vocabulary of the domain (service words, campaign heads, leads), never a name.
"""

from __future__ import annotations

import re
from functools import lru_cache

from nlp.jiebadictionary import dictionary_words, pos_table
from nlp.platformwords import CHANNEL_WORDS, HEAD, NOT_A_HEAD_AFTER, TOPIC_VERBS
from nlp.programmes import programme_built, programme_spans
from nlp.reformfronts import name_start
from nlp.releases import ends_in_release

#: What makes …改革 no reform's name: a body named after it (…改革工作联席会议办公室, …改革领导小组, 审批改革科),
#: 改革创新 / 改革开放 / 改革方面 (a compound, not the reform), 改革支出 (a budget classification).  A body's
#: one-character suffix that starts a verb is that verb (“一门一网一次”办事成效, …改革处理, …改革组织实施).
NOT_A_REFORM_AFTER = re.compile(
    r"(?:工作|协调|推进|督查|督导)?(?:联席会议|领导小组|委员会|办公室|工作组|专班|小组)|创新|方面|开放|支出"
    r"|(?:推进|协调)?(?!办事|办理|办好|办结|办妥|处理|处置|组织|组建|委托|会同|会商)[科处办组局室委会股]"
)  # …改革协调小组办公室, …改革推进科: the body's name goes on over what it does

# --- reforms and initiatives ---------------------------------------------------------------------------
#: Quoted names of service-mode reforms and initiatives: what their words say, not a list of names.
SERVICE_MODE = re.compile(
    r"^(?:[\u4e00-\u9fff]{1,6}[省市县])?(?:智慧|数字)[\u4e00-\u9fff]{1,3}$|^[\u4e00-\u9fff]{2,3}办$|双随机|一公开|个转企|小升规|通办|统管|合一|一次办|跑一次|互联网[+＋]|放管服|好差评|一件事|一网|一门|一窗|联办|秒批|秒办|即办|即享|即批|免申|帮办|代办|无感|"
    r"不见面|承诺制|证照分离|多规|集成服务|容缺|证明城市|跨省|跨境通|湾区通|四标四实"
)


#: A body named after a programme (…智慧城市建设事务中心, …数字政府建设领导小组办公室, …数字政府服务中心): its name goes on.
_BODY_AFTER_PROGRAMME = re.compile(
    r"(?:建设|发展|改革|推进|运营|服务|管理|研究|促进|工作)*(?:事务|管理|服务|运营|发展|研究|促进|监督指挥|指挥|监控|调度)?"
    r"(?:中心(?!工作|任务|城区|区)|办公室|领导小组|委员会|工作组|专班|局(?![面势部])|研究院|公司(?!化)|集团)"
    # an internal unit named after the programme's work (智慧城市建设科, 数字政府发展处: a 机构设置 list's unit)
    r"|(?:建设|发展|推进|应用|运营|促进)(?:管理|服务)?(?:科(?![学技研普])|处(?![理置罚分于])|股(?![份东票]))"
)
#: A company named after a programme in any of its legal forms (数字X建设有限公司, 数字X科技股份有限公司, 数字X网络发展有限责任
#: 公司): the name goes on over a few words of its trade, none a word that joins a phrase, to its form.
_COMPANY_AFTER = re.compile(r"(?:(?![的和及与在、，。；])[\u4e00-\u9fff]){0,8}?(?:有限责任|股份有限|有限|股份)公司")
#: An event or a prize named after a programme (数字中国建设峰会, 数字中国创新大赛, “…智慧城市使能技术大奖”, …改革电视电话会议,
#: …改革推进会, …改革推进大会, …改革经验交流会, …改革培训班): its name goes on over a few words of what it is about, none a
#: verb of winning (…建设获奖, …工作荣获…: the programme won it) nor a word that joins a phrase (数字政府建设的重要会议: a
#: meeting about the programme); not a campaign (…改革大会战).
_EVENT_AFTER = re.compile(
    r"(?:(?![获评荣得的和及与在])[\u4e00-\u9fff]){0,6}?(?:峰会|大赛|论坛|博览会|交易会|大奖|奖(?![励惩补])|会议|大会(?!战)|"
    r"(?:推进|现场|座谈|交流|动员|部署|调度|研讨|发布|培训|汇报|观摩|评审)会|培训班)"
)


#: What the quoted title of an event or a prize ends with (…改革论坛, …创新大赛, …峰会): the quotes hold the event's name.
_EVENT_TITLE = re.compile(r"(?:峰会|大赛|论坛|博览会|交易会|大奖|大会|会议|研讨会|推进会|交流会|发布会|培训班)$")


def body_named_after(text: str, end: int) -> bool:
    """Does a body's, an event's or a prize's name go on at ``text[end]``, after a reform or programme (…改革领导小组,
    审批改革科, …智慧城市建设事务中心, …数字政府运营中心, 数字中国建设峰会, 数字X建设有限公司)?  The name is the body's then, no mention of the reform."""
    after = NOT_A_REFORM_AFTER.match(text, end)
    if after and after.group() in ("创新", "方面", "开放", "支出") and text[end - 1 : end] in '”"」':
        after = None  # 在“互联网+政务服务”方面: the field of a quoted initiative, named (改革方面, 改革创新: compounds)
    return bool(
        after
        or _BODY_AFTER_PROGRAMME.match(text, end)
        or _EVENT_AFTER.match(text, end)
        or _COMPANY_AFTER.match(text, end)
    )


_QUOTED = re.compile(r"[“\"「]([^“”\"「」\n]{2,24})[”\"」]")
_SINGLE_QUOTED = re.compile(r"‘([^‘’“”\n]{2,24})’")


def inside_double_quotes(text: str, at: int) -> bool:
    """Is ``text[at]`` inside a “…” quotation (where ‘…’ are the quotation's own inner quotes)?"""
    return text.count("“", 0, at) > text.count("”", 0, at)


@lru_cache(maxsize=8)  # the rules ask for one text's quotes eight times over, one text after the other
def _quoted(text: str) -> tuple[re.Match[str], ...]:
    """Quoted stretches, “…” and ‘…’ alike — single quotes standing alone quote a name as double ones do
    (全面推进‘互联网+政务服务’); nested inside a “…” quotation they quote within it (“落实‘多规合一’”), and the
    name there is read without them."""
    found = list(_QUOTED.finditer(text))
    found += [m for m in _SINGLE_QUOTED.finditer(text) if not inside_double_quotes(text, m.start())]
    return tuple(sorted(found, key=lambda m: m.start()))


quoted_names = _quoted  # for the modules that read quoted lists (nlp.quotedlists)


#: A campaign's head word — not where it modifies another noun (工程管理中心, 行动计划, 工程设计).
_CAMPAIGN_HEAD = re.compile(
    r"(?:专项行动|攻坚行动|实践行动|提升行动|行动|工程)(?!计划|师|项目|方案|纲要|管理|设计|监督|监理|变更|"
    r"招投标|招标|质量|安全|造价|结算|施工|验收|技术|中心|部|处|科|局|院|公司|款|类)"
)
#: A programme called …工程 says what it improves or builds up (质量提升工程, 民心工程); other …工程 are
#: construction works (水务工程, 安居工程, 政府工程).
_PROGRAMME_WORK = re.compile(
    r"(?:提升|整治|培育|振兴|惠民|民心|示范|攻坚|强基|铸魂|育人|人才|素质|帮扶|固本|守护|护航|筑基|"
    r"领航|赋能|清廉|廉洁|阳光|暖心|放心|安心|文明|平安|品牌|创优|争先|引领|蓝天|碧水|净土|创新|迭代|"
    r"(?![绿亮美硬彩]化)[\u4e00-\u9fff]化)工程$"  # not 绿化/亮化/美化/硬化: jobs of building (道路绿化工程), no attribute
)


def construction_work(name: str) -> bool:
    """照明工程, 绿化工程, 水务工程: a name ending in 工程 that says no improvement or build-up is a construction
    work, no programme (:data:`_PROGRAMME_WORK`); a quoted name (“金信工程”) is named by its quotes."""
    return name.endswith("工程") and bool(_BUILDING_JOB.search(name[:-2])) and not _PROGRAMME_WORK.search(name)


#: What a building job is named by (道路工程, 改造工程, 水利工程): a quoted one is no programme either.
_BUILDING_JOB = re.compile(
    r"\d|[一二三四五六七八九十两]|建设|安装|维修|土建|装修|改造|基建|水利|道路|配套|应急|信息化|绿化|亮化|美化|硬化|照明|管网|桥|路"
)


def _counted_programme(name: str) -> bool:
    """A programme's quoted name that starts with a count (“双一号”工程, “千万”工程, “百千万”工程) names it, no building
    job: none of a job's words after the count, no phase or section (“一期”工程, “二标段”工程)."""
    return (
        bool(_COUNTED_NAME.match(name))
        and not _BUILDING_JOB.search(re.sub(r"^[\d一二三四五六七八九十百千万两双]+", "", name))
        and not re.search(r"期|标段|号楼|号线|[座栋条]", name)
    )


#: A count of a period (“三年工程”, “五年工程”: how long a programme runs, as “十四五” is a period) or a rank (“一号工程”,
#: “头号工程”: the first of a government's priorities, the programme named before it — 数字经济“一号工程”): no name.
_PERIOD_OR_RANK = re.compile(r"[\d一二三四五六七八九十百两]+(?:个)?(?:年|月|周|天|日|季度)|[一头首]号")


_CAMPAIGN_LEAD = re.compile(
    r"^.*(?:开展|深入开展|推进|深化|实施|落实|启动|推动|参与|承担|组织|牵头|做好|抓好|围绕|通过|以|为|和|及|与|、|的|在|是|"
    r"入选|列入|纳入|获批|申报|"  # 入选|省…迭代工程: selected for the programme, no part of its name
    r"将|把|对|持续|全面|扎实|继续|加快|进一步|积极|深入|高质量完成|完成|保障|支持|首个|首批|新一轮|区级|市级|省级|县级|"
    r"[全本我][省市区县盟州旗镇乡]|"  # 全市|政务服务…提升工程: the territory the campaign covers, no part of its name
    r"[多几两三四五六七八九十]轮|[多几两三四五六七八九十]批)"  # 多轮|提质升效专项行动: how many rounds, not the name
)
#: Where, around the place named before 及 (农贸市场及周边, 校园及其周边, 河道及两岸): the two are one field of the
#: campaign, and its name (not a lead 及 before a name of its own).
_AROUND_AFTER = re.compile(r"[及和与]其?(?:周边|周围|沿线|沿岸|两岸|两侧|附近)")
#: Generic campaigns: a head with nothing that names it.
_GENERIC_CAMPAIGN = re.compile(
    r"^(?:专项|各项|相关|有关|重大|重点|系列|[一二三四五六七八九十]+[大项个]|该|此|本|这一|各类|民生|"
    r"信息化|建设|基础|维修|安装|配套|应急|改造|土建|装修|[\u4e00-\u9fff]{0,2}类)?(?:行动|工程|专项行动)$"
    r"|^专项"
)
#: A count of campaigns or works inside the name (三大攻坚行动, “六大标杆工程”, 两项行动): many, no one named.
_CAMPAIGNS_COUNTED = re.compile(r"[一二三四五六七八九十两几多]+[大项个类]")
#: Parallel attributes inside a name: 农贸市场规范化、品质化、智慧化提升工程.
_PARALLEL = re.compile(r"(?:[\u4e00-\u9fff]{2}化、){2,}$")


#: What follows a quoted name of a work the text is doing (“飞鹰检”工作要求, “个转企”工作, “污水零直排区”建设要求) — not
#: the people or the means of a work (工作人员, 工作经费) — or of a policy it carries out (落实“港车北上”政策: an
#: initiative named by its quotes, as the guideline marks quoted initiatives; not 政策性, a manner).
_WORK_AFTER = re.compile(
    r"工作(?!人员|者|日|量|室|组|站|经费|机制|制度|平台|系统|总基调|基调|方针|原则|思路|理念|格局)|建设要求"
    r"|政策(?!性|定位|导向|取向|基调|方针|原则)"
)  # 工作总基调 / 工作方针 / 工作原则, 政策定位 / 政策导向: a principle or a positioning (“稳中求进”工作总基调, “房住不炒”政策定位),
#    no work
#: A quoted name that starts with a count is a period, a field or a slogan (“十五五”工作, “三农”工作, “两学一做”).
_COUNTED_NAME = re.compile(r"[\d一二三四五六七八九十百两双几多]")
#: A number, its classifier and a noun (“一件事”, “三个年”, “四个平台”): what is counted, a kind of thing, no initiative's
#: name (“一件事一次办”, “两优”, “四标四实”, “一次办” name one: more words, or no classifier).
COUNTED_THINGS = re.compile(r"[\d一二三四五六七八九十百两几多]+[个件项张条类种套批份座家][\u4e00-\u9fff]{1,2}")
#: The quoted “一件事” stands for the packages of matters handled together (等“一件事”事项, 22件“一件事”): the initiative
#: 高效办成一件事, a Reform by the session-20 guideline, though its words count a thing.
_PACKAGES = "一件事"


#: A principle of duty (“党政同责”, “一岗双责”, “失职追责”: who answers for what) or a goal of covering all (“应保尽保”,
#: “应检尽检”): a rule or a slogan the work follows, which no initiative is named by (guideline: slogans and goals are
#: not reforms).
_PRINCIPLE = re.compile(r"[\u4e00-\u9fff]{1,6}责|[\u4e00-\u9fff]([\u4e00-\u9fff])尽\1")
#: Parts of speech (jieba's) of words that name things: a name made of them only (“民生实事”, “宝安模式”) is a category or
#: a label of the things the work is about, not a way of working (“飞鹰检”, “个转企”, “厕所革命”) — unless it ends in a
#: body or a place the programme makes something of (“法治政府”, “数字乡村”: a quality and its owner, as 数字政府).
_THING_POS = {"n", "nr", "nz", "ng"}
_OWNER_END = re.compile(r"(?:政府|机关|城市|乡村|农村|中国|社会|校园|社区|家园|[省市区县镇村])$")


_NEGATION = re.compile(r"不|无|没有")


def slogan(inner: str) -> bool:
    """Is a quoted name (``inner``: the words inside the quotes) a principle of duty or a goal — “党政同责”, “应保尽保” —
    or a maxim that says what to do and not to do, or what there is none of (“就高不就低”, “房住不炒”, “一次不跑”,
    “平台之外无系统”: 不 / 无 / 没有, a word of its own, after the first word; “不见面审批” starts with it and names a way
    of working, 无纸化 is a word of its own)?"""
    if _PRINCIPLE.fullmatch(inner):
        return True
    if not _NEGATION.search(inner, 1):
        return False
    return any(w in ("不", "无", "没有") for w in dictionary_words(inner)[1:-1])


def _things_only(inner: str) -> bool:
    """Is a quoted name made of nouns of things only (民生|实事, 宝安|模式) — a category or a label, no work's name — or
    one set phrase of the language (“名特优新”: jieba's ``l``), alone or after a one-character verb (过|紧日子), a label or
    saying no initiative coined?"""
    words = dictionary_words(inner)
    if words and pos_table().get(words[-1]) == "l" and (len(words) == 1 or (len(words) == 2 and len(words[0]) == 1)):
        return True
    return bool(words) and all(pos_table().get(w) in _THING_POS for w in words) and not _OWNER_END.search(inner)


def _manners_only(inner: str) -> bool:
    """Is a quoted name a row of one-character qualities and verbs, a quality among them and no thing (重|强|抓,
    快|准|稳): a maxim of how to work, no initiative (“个转企”, “飞鹰检” name what is done to what)?  A row of verbs
    alone names the functions an initiative reforms (“管办评”, “查改治”, as “放管服”)."""
    words = dictionary_words(inner)
    tags = [(pos_table().get(w) or "")[:1] for w in words]
    return (
        len(words) >= 3
        and all(len(w) == 1 for w in words)
        and all(t in ("a", "v", "d") for t in tags)
        and any(t in ("a", "d") for t in tags)
    ) or _qualities_glued(inner, words, tags)


def _qualities_glued(inner: str, words: list[str], tags: list[str]) -> bool:
    """Is a quoted name of three characters two qualities jieba glued into one word and one character more (严细|实,
    严实|细, 勤俭|廉): a maxim of three one-character qualities, as 快|准|稳 is — qualities covering two of its three
    characters, every word one character or a quality?"""
    quality = [len(w) for w, t in zip(words, tags, strict=True) if t in ("a", "d")]
    return (
        len(inner) == 3
        and len(words) == 2
        and sum(quality) >= 2
        and all(len(w) == 1 or t in ("a", "d") for w, t in zip(words, tags, strict=True))
    )


def _named_work(text: str, m: re.Match[str]) -> bool:
    """Is the quoted name ``m`` the name of a work the text is doing — an initiative (化妆品“飞鹰检”工作要求,
    “个转企”工作, 落实“港车北上”政策)?  Not a count's period or field (“十五五”工作, “三农”工作), a manner (“无纸化”工作), a thing with a
    head (“政务外网”工作), a slogan of several parts (“一次告知、一次办结”工作), a period (“安全生产月”工作) or a
    principle (“谁主管谁负责”工作要求, “稳中求进”工作总基调, “党政同责”工作要求), a goal (“应保尽保”工作) or a category
    or label of the things it is about, nouns only (“民生实事”工作, “宝安模式”工作), which no initiative is named by."""
    inner = m.group(1).strip()
    return bool(
        _WORK_AFTER.match(text, m.end())
        and len(inner) >= 3
        and not _COUNTED_NAME.match(inner)
        and not re.search(
            r"[、，,;；\s]|[化性月周]$|谁.*谁", inner
        )  # a period (“安全生产月”), a principle (“谁主管谁负责”)
        and not HEAD.search(inner + "$")
        and not slogan(inner)  # “党政同责”工作要求: a principle the work follows
        and not _things_only(inner)  # “民生实事”工作: the things the work is about
        and not _manners_only(inner)  # “重强抓”工作要求: how to work, a maxim
    )


#: What follows a quoted grade of an evaluation (“非常满意”评价1万条, “满意”率, “优秀”等次): the grade given, no initiative.
_GRADE_AFTER = re.compile(r"评价|率|等次|档次|等级|票")


def channel_mode(inner: str) -> bool:
    """Is a quoted name a channel and 办 (“指尖办”, “掌上办”, “网上办”, “一网办”: 一网 + 办, tests/gold/README.md): how many
    services are done, no initiative?"""
    return inner.endswith("办") and (inner[:-1] in CHANNEL_WORDS or inner[:-1] == "一网")


def _listed_beside(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Quoted names printed right against a quoted reform found, nothing between (“跨省通办”“全省通办”“双全双百”等服务
    专区, “一门办理”“一章审批”): one more initiative of the tight list, whatever its words — unless they name a thing
    with a head (“…”平台, “…平台”), a count of things (“一件事”), a principle or a slogan of several parts; the list goes
    on from each one added.  A list joined by 、 or 和 is not read so: it mixes initiatives with goals and labels
    (“最多跑一次”、“办事不用跑”需求, 开展“一村一档一册”、“互联网+阳光厨房”)."""
    quoted = _quoted(text)
    starts = {s for s, _ in spans}
    added: list[tuple[int, int]] = []

    def listable(m: re.Match[str]) -> bool:
        inner = m.group(1).strip()
        head = HEAD.match(text, m.end())
        return (
            2 <= len(inner) <= 12
            and not _GRADE_AFTER.match(text, m.end())  # “好差评”“非常满意”评价: a grade the service was given
            and not re.search(r"[、，,;；:：\s]|\d$", inner)
            and not HEAD.search(inner + "$")
            and not (head and not NOT_A_HEAD_AFTER.match(text, head.end()))
            and not COUNTED_THINGS.fullmatch(inner)
            and not slogan(inner)
            and not body_named_after(text, m.end())
            and not (channel_mode(inner) and not text.startswith("改革", m.end()))  # “就近办”“网上办”: 网上办 a channel
        )

    grew = True
    while grew:
        grew = False
        for i, m in enumerate(quoted):
            if m.start() in starts or not listable(m):
                continue
            before, after = quoted[i - 1] if i else None, quoted[i + 1] if i + 1 < len(quoted) else None
            if (before and before.start() in starts and before.end() == m.start()) or (
                after and after.start() in starts and m.end() == after.start()
            ):
                added.append((m.start(), m.end()))
                starts.add(m.start())
                grew = True
    return added


def _named_again(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """A quoted name the text prints with 改革 right after it (“四张清单一张网”改革) names that reform where the text
    prints it alone too (以“四张清单一张网”为基础), unless a head follows it there (“…”平台) or a body's name goes on."""
    reformed = {
        m.group(1)
        for m in _quoted(text)
        if text.startswith("改革", m.end()) and not NOT_A_REFORM_AFTER.match(text, m.end() + 2)
    }
    found = {s for s, _ in spans}
    return [
        (m.start(), m.end())
        for m in _quoted(text)
        if m.group(1) in reformed
        and m.start() not in found
        and not text.startswith("改革", m.end())
        and not HEAD.match(text, m.end())
        and not body_named_after(text, m.end())
    ]


#: One-character verbs of serving: taking up, answering and settling what a person or firm asks (办, 答, 应, 接, 批, 复).
#: A count and another one-character verb abbreviates no way of serving: a class of bodies (“两定”机构: 定点), a survey
#: (“三调”), goals (“六保”, “两增、两控”), subsidies (“两补”), checks and visits (“两查”, “两访”).
_SERVING_VERBS = frozenset("办答应接批复")


def counted_service(inner: str) -> bool:
    """Is a quoted name a count and a verb of serving — one character (“四办”, “一号答”), or parts joined by 、
    (“两集中、两到位”) — the abbreviation of an initiative by how many ways it serves?  Not a count of things (“一本账”,
    “三农”, “两个维护”), a manner (“三同步”), a period (“十四五”), a time limit (“一日办结”), a count of pledges or duties
    one word says (“双承诺”: a verb of two characters alone), a count and a one-character verb of no serving (“两定”,
    “三调”, “六保”: :data:`_SERVING_VERBS`)."""
    parts = inner.split("、")
    for part in parts:
        words = dictionary_words(part)
        if (
            len(words) != 2
            or not re.fullmatch(r"[一二三四五六七八九十两双]+号?", words[0])  # not 四个|意识, 一日|办结: things, a time
            or pos_table().get(words[1]) not in ("v", "vn")
            or (len(parts) == 1 and len(words[1]) > 1)
            or (len(words[1]) == 1 and words[1] not in _SERVING_VERBS)
        ):
            return False
    return len(parts) <= 3


#: What follows a quoted way of doing a thing that counts it (“不见面开标”占比, “一次不跑”办件量): how often, no initiative.
_MEASURE_AFTER = re.compile(r"占比|比例|比率|率|办件量|件数|数量|量")


#: What follows a quoted count of ways of serving where the text names the initiative (“四办”工作, “一号答”服务, “两集中、
#: 两到位”制度, 政务服务“一号答”。): its work, its reform or its kind, or the clause's end.  Before other words the count
#: and 办 abbreviate bodies or their papers (落实“两办”通知, “两办”督查室, 市“两办”要求: the two general offices).  In a list
#: it is named by the quoted initiative joined to it (“四办”和“一号答”) or by the kind 等 sums them under (“一号答”等举措);
#: not by 等 before bodies (“两办”等部门).
_SERVICE_NAMED_AFTER = re.compile(
    r"工作|改革|服务|模式|机制|制度|举措|[，。；、：！？“”\"」（()]|\s*$"
    r"|(?:以及|[和及与])(?=[“\"「])|等(?:服务|举措|改革|模式|机制|制度|工作)"
)


def _means_and_action(inner: str) -> bool:
    """Is a quoted name 数字 / 智慧 and verbs only, none a field's (数字|赋|能, 数字|引领, 智慧|驱动): what the means
    does, a slogan — not a programme named by what it makes digital (数字政府, 智慧口岸) nor a work of a field (智慧|监管)?"""
    words = dictionary_words(inner)
    return (
        len(words) >= 2
        and words[0] in ("数字", "智慧")
        and all(pos_table().get(w) == "v" and w not in TOPIC_VERBS for w in words[1:])
    )


def reform_spans(text: str) -> list[tuple[int, int]]:
    """Named campaigns (…专项行动 / …工程), quoted and unquoted service-mode names."""
    spans: list[tuple[int, int]] = []
    for m in _quoted(text):  # a quoted count of ways of serving: “四办”工作, 政务服务“一号答”, “两集中、两到位”制度
        if (
            counted_service(m.group(1).strip())
            and _SERVICE_NAMED_AFTER.match(text, m.end())
            and not (
                text[max(0, m.start() - 1) : m.start()] == "为" and text.startswith("服务", m.end())
            )  # 为“两办”服务
            and not HEAD.match(text, m.end())
            and not _GRADE_AFTER.match(text, m.end())
            and not _MEASURE_AFTER.match(text, m.end())
        ):
            spans.append((m.start(), m.end()))
    for m in _quoted(text):
        inner = m.group(1)
        if (
            not SERVICE_MODE.search(inner)
            or HEAD.search(inner + "$")
            or len(inner) < 3
            or re.search(r"[、，‘’'+＋]$|[，‘’']", inner)
            or inner.count("、") >= 2
            or re.search(r"[和及与\t]|\s\d", inner)
            or (COUNTED_THINGS.fullmatch(inner) and inner != _PACKAGES)  # “三个年”: things counted, no initiative
            or re.search(r"(?:人员|[专职]?员|队伍|团队)$", inner)  # “一窗综办人员”: the people of a work, no initiative
            or inner.endswith("率")  # “即办率”, “一次办结率”: a rate measured, no initiative
            or _means_and_action(inner)  # “数字赋能”, “智慧引领”: a slogan of means, no programme
            # “2025…接诉即办改革论坛”: an event's quoted title, nothing inside it a mention
            or _EVENT_TITLE.search(inner)
        ):
            continue  # a slogan of three parts, a topic of two (“互联网+政府公共服务和电子政务建设”), table text
        e = m.end()
        if channel_mode(inner) and not text.startswith("改革", e):
            continue  # 政务服务事项“指尖办”, “掌上办”: a channel and 办, how many services are done, no initiative
        if re.match(r"(?:政务)?服务(?!平台)|办理|审批", text[e:]) and not ends_in_release(inner):
            continue  # 在“一窗式、一网式”政务服务中: a manner of a service, not the initiative's name (“一网通办2.0”服务能力: a
            # release of one, named)
        if text.startswith("改革", e):
            e += 2
        elif (head := HEAD.match(text, e)) and not NOT_A_HEAD_AFTER.match(text, head.end()):
            continue  # “一网通办”平台 is a platform (not so in “一网统管”系统规划)
        spans.append((m.start(), e))
    # a quoted name of a campaign: “大督查大接访大调研”活动, “四标四实”专项行动, “…一条街”攻坚行动 (the name
    # is the quoted part)
    for m in _quoted(text):
        campaign = re.match(
            r"(专项|攻坚|集中|提升|整治|实践|主题)?(?:活动|行动|工程)(?!计划|方案|纲要|规划)", text[m.end() :]
        )
        if (
            campaign
            and not SERVICE_MODE.search(m.group(1))
            and (len(m.group(1)) >= 3 or (campaign.group(1) and campaign.group().endswith("行动")))
            and not slogan(m.group(1).strip())  # “党政同责”专项行动: the principle the campaign enforces
            and not COUNTED_THINGS.fullmatch(m.group(1).strip())  # “三个年”活动: a count of periods
            and not (
                campaign.group().endswith("活动") and _COUNTED_NAME.match(m.group(1))
            )  # “三会一课”活动: party education
        ):  # “安改”工程: a building job; “两优”专项行动 is named by its two characters; “十四五”行动方案 is a plan
            spans.append((m.start(), m.end()))
        elif _named_work(text, m) and not programme_built(m.group(1).strip()):
            spans.append((m.start(), m.end()))
    # a quoted programme or campaign named whole, its head inside the quotes: “智慧感知基础设施工程”
    # (a national programme is often named by two characters: “雪亮工程”, “金税工程” — not a job of building: “道路工程”)
    for m in _quoted(text):
        inner = m.group(1).rstrip()  # “金信工程 ”: a space the layout left inside the quotes
        head = _CAMPAIGN_HEAD.search(inner)
        if (
            head
            and head.end() == len(inner)
            and (
                len(inner) - len(head.group()) >= 4
                or (head.group() == "工程" and len(inner) >= 4 and not _BUILDING_JOB.search(inner[:-2]))
                or (head.group() == "工程" and len(inner) >= 4 and _counted_programme(inner[:-2]))
                or (
                    head.group() == "行动" and len(inner) >= 4
                )  # “清风行动”, “护苗行动”: a campaign named by its quotes
            )
            and not _GENERIC_CAMPAIGN.match(inner)
            and not _CAMPAIGNS_COUNTED.search(inner)  # “六大标杆工程”: works counted, many
            and not _PERIOD_OR_RANK.fullmatch(inner[: head.start()])  # “三年工程”, “一号工程”: a period, a rank
        ):
            spans.append((m.start(), m.end()))
    spans += _listed_beside(text, spans)
    spans += _named_again(text, spans)
    taken = [(s, e) for s, e in spans]
    spans += programme_spans(text, taken)
    for m in _CAMPAIGN_HEAD.finditer(text):
        e = m.end()
        i = m.start()
        if any(a < e and i < b for a, b in taken):
            continue  # inside a quoted name found above
        limit, par_at = 16, None
        while True:
            while i > 0 and re.match(r"[\u4e00-\u9fff]", text[i - 1]) and m.start() - i < limit:
                i -= 1
            par = _PARALLEL.search(text, max(0, i - 24), i)
            if not par or not re.match(r"[\u4e00-\u9fff]{2}化", text[i:]):
                break
            i = par_at = par.start()  # 规范化、品质化、智慧化提升工程: the attributes are one name
            limit = m.start() - i + 6
        if par_at is None and i > 0 and re.match(r"[\u4e00-\u9fff]", text[i - 1]):
            # the limit cut a lead in two (推|进全市…工程): read the lead whole, it ends where it ends
            wider = _CAMPAIGN_LEAD.match(text, max(0, i - 3), m.start())
            if wider and wider.end() > i:
                i = wider.end()
        name = text[i:e]
        front = text[i:par_at] if par_at is not None else name[: -len(m.group())]
        lead = _CAMPAIGN_LEAD.match(front)
        while lead and _AROUND_AFTER.match(front, lead.end() - 1):
            # 农贸市场|及周边: the place 周边 is around is the name's
            lead = _CAMPAIGN_LEAD.match(front[: lead.end() - 1])
        if lead:
            i += lead.end()
            name = text[i:e]
        if name[:1] in "省市区县" and dictionary_words(name[:4])[0] == name[0]:
            i, name = i + 1, name[1:]  # 省|一体化…工程: the level's scope (as 区|行政审批制度改革), not 市民|…
        i = name_start(text, i, e)  # 按照|…行动, 主动|融入|…行动, ●|…工程: a preposition, a manner, a mark in front
        name = text[i:e]
        if len(name) - len(m.group()) < 4 or _GENERIC_CAMPAIGN.match(name) or re.search(r"\d|改革", name):
            continue
        if _CAMPAIGNS_COUNTED.search(name):
            continue  # 治理转型三大攻坚行动: campaigns counted, many, none named
        if m.group() == "工程" and not _PROGRAMME_WORK.search(name):
            continue  # construction works, not a programme
        if text.startswith(("项目", "资金", "经费", "支出", "类", "预算", "款", "建设"), e) or text[i : i + 2] in {
            "项目",
            "工程",
        }:
            continue
        if re.search(
            r"重大|重点|各类|相关|有关|采购|(?:建设|安装|维修|土建|装修|改造|基建|水利|道路|配套|应急|信息化)工程$",
            name,
        ):
            continue
        spans.append((i, e))
    return spans
