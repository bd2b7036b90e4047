"""Training data for the NER component (``budgetkg train``, :mod:`nlp.training`).

Two kinds of annotations, both kept in ``training/annotations/`` as JSON lines
``{"text": ..., "entities": [[start, end, label], ...]}``:

* ``hand.jsonl`` — sentences written or copied by hand from reports that are NOT in the gold
  set (tests/gold/), annotated by hand;
* ``generated.jsonl`` — template sentences whose slots are filled with gazetteer names and with
  names composed from parts (place + core + head: 深圳市南山区 + 市场监督管理局, 企业服务 + 平台,
  “X证合一” + 改革 …), produced by :func:`generate` from a fixed seed, so the file is reproducible
  and can be rebuilt at any time.

Names tests measure the NER on as names it never met are held out (:func:`held_out_names`): the
unseen-name test's places, brands and slogans (:data:`HELD_OUT`, tests/test_unseen_names.py) and the
renamed-name test's platforms (``training/held_out.txt``, tests/test_platform_shapes.py).  No generated or
substituted sentence composes one (:meth:`_Names.fresh`), ``budgetkg train`` trains on no sentence holding one
(:func:`without_held_out`: corpus silver, development set, hand-written), and tests check the training files.
"""

from __future__ import annotations

import functools
import json
import random
import re
from collections.abc import Callable
from pathlib import Path

from nlp.model import GazetteerEntry

SEED = 20240601

#: Never generated: kept for the unseen-name test.
# fmt: off
HELD_OUT = (
    "白云区", "黄埔区", "海珠区", "龙华区", "坪山区", "三水区", "高明区",
    "穗好办", "粤商通", "粤政易", "穗康", "穗智管", "粤康码", "i深圳",
    "一网通办", "一件事", "气象局", "港务局", "海事局", "地震局", "工程建设项目审批",
)
# fmt: on

CITIES = [
    "广州市",
    "深圳市",
    "佛山市",
    "东莞市",
    "珠海市",
    "中山市",
    "江门市",
    "惠州市",
    "肇庆市",
    "汕头市",
    "湛江市",
    "韶关市",
]
# fmt: off
DISTRICTS = ["番禺区", "天河区", "从化区", "越秀区", "荔湾区", "南沙区", "增城区", "花都区", "福田区", "南山区", "罗湖区",
             "宝安区", "龙岗区", "禅城区", "南海区", "顺德区", "香洲区", "蓬江区", "新会区", "惠城区", "端州区", "金平区"]
AGENCY_CORES = [
    "政务服务数据管理局", "市场监督管理局", "发展和改革局", "财政局", "人力资源和社会保障局", "卫生健康局", "教育局", "民政局",
    "司法局", "住房和城乡建设局", "交通运输局", "农业农村局", "商务局", "统计局", "医疗保障局", "应急管理局",
    "城市管理和综合执法局", "公安分局", "税务局", "规划和自然资源局", "科学技术局", "工业和信息化局", "行政审批局",
    "政务服务中心", "公共资源交易中心", "人民政府办公室", "政务服务管理办公室", "退役军人事务局", "水务局",
    "文化广电旅游体育局", "审计局", "来穗人员服务管理局", "国有资产监督管理局", "投资促进局", "信访局", "机关事务管理局",
    "人民政府", "城市更新局", "数据资源管理局", "档案局", "信息中心",
]
AGENCY_SHORT = ["市场监管局", "发改局", "财政局", "人社局", "卫健局", "教育局", "民政局", "司法局", "住建局", "交通局", "农业农村局",
                "商务局", "统计局", "医保局", "应急局", "城管局", "税务局", "规划资源分局", "生态环境分局", "科技局", "工信局",
                "审批局", "政数局", "科工信局", "来穗局", "国资局", "信访局", "政务办"]
UNITS = ["审批服务科", "综合科", "信息化科", "政策法规科", "人事科", "财务科", "督查科", "项目服务科", "网络安全科", "数据资源科",
         "政务公开科", "电子政务科"]
PLATFORM_TOPICS = ["政务服务", "企业服务", "民生服务", "数据共享", "信息共享", "电子证照", "网上审批", "公共资源交易", "社会信用",
                   "视频监控", "城市管理", "网格化管理", "智慧党建", "政务数据", "统一身份认证", "电子监察", "投资项目在线审批监管",
                   "不动产登记", "预约排队", "电子档案", "协同办公", "移动办公", "人口信息", "法人信息", "自助服务", "综合受理",
                   "应急指挥", "智慧社区", "基层治理", "财政预算管理", "非税收入", "行政执法", "信访", "出租屋管理",
                   "河湖长制", "森林防火", "食品安全追溯", "危险化学品监管", "建筑工地扬尘监测", "养老服务", "退役军人服务",
                   "医保结算", "公积金缴存", "粮食储备", "水质监测", "劳动保障监察", "宏观经济", "统计联网直报", "人口普查",
                   "政务公开", "市长信箱", "营商环境监测", "产业招商", "口岸通关", "外贸监测", "气象灾害预警", "地质灾害监测",
                   "城市运行", "数字城管", "校园安全", "文物保护", "公文交换", "督查督办", "会议管理"]
PLATFORM_HEADS = ["平台", "系统", "管理系统", "服务平台", "综合平台", "大平台", "APP", "小程序", "服务热线", "热线", "办事大厅",
                  "服务大厅", "服务网", "数据库", "公众号", "一体机", "一体化平台", "管理信息系统", "信息系统", "门户网站",
                  "微信公众号", "驾驶舱", "大脑", "一卡通", "专区", "信息库", "网站", "客户端", "数据平台", "智库平台"]
# fmt: on
#: What an agency publishes under its own name (广州市统计局门户网站, …微信公众号).
OWNED_HEADS = ["门户网站", "微信公众号", "政务微博", "官方网站", "网站", "政务服务网", "公众号"]
BRAND_CHARS = ["禺", "莞", "佛", "深", "珠", "江", "惠", "韶", "湛", "粤", "穗", "晋", "陕", "桂", "琼", "津", "沪"]
# fmt: off
BRAND_TAILS = ["快办", "易办", "好办事", "家政务", "山通", "e办", "i办", "智办", "民通", "企通", "办事通", "掌上办", "政通",
               "省心办", "码上办", "安居", "信易", "康宝", "政务通", "随心办"]
# fmt: on
BRAND_HEADS = ["APP", "平台", "小程序", "公众号", "系统", ""]
# fmt: off
SLOGANS = ["一门一网", "一窗通办", "容缺受理", "告知承诺", "一照通行", "秒批秒办", "多审合一", "多测合一", "一证通办", "一码通",
           "照后减证", "证照联办", "一业一证", "交地即开工", "掌上办", "指尖办", "就近办", "全城通办", "异地可办", "双随机、一公开",
           "多证合一", "证照分离", "放管服", "集成服务", "四标四实", "最多跑一次", "互联网+政务服务", "数字政府", "好差评"]
SYSTEM_REFORMS = ["商事", "行政审批", "投资审批", "不动产登记", "户籍", "财政预算", "国库集中支付", "事业单位分类", "政府采购",
                  "公共资源交易", "医药卫生体制", "行政执法", "收入分配", "综合执法体制", "税收"]
PLAIN_REFORMS = ["政务服务集约化改革", "开办企业便利化改革", "综合窗口改革", "审批服务便民化改革", "证明事项告知承诺制改革",
                 "供给侧结构性改革", "相对集中行政许可权改革", "营商环境综合改革", "预算绩效管理改革", "机构改革"]
# fmt: on
INITIATIVES = ["七方信用工程", "智慧城市工程", "雪亮工程", "信用惠民工程", "数字乡村工程", "金税工程"]
# Quoted phrases that are not reforms (“一次办好” as a goal, not the name of a reform).
PLAIN_PHRASES = ["一次办好", "马上办", "不见面", "面对面", "手把手", "零跑动", "立等可取", "应进必进", "首问负责"]
# fmt: off
DOC_TOPICS = ["加快推进政务服务标准化规范化便利化", "进一步优化营商环境", "深化“放管服”改革", "推进政务数据共享",
              "加强政务服务中心建设", "开展政务服务“好差评”工作", "推行证明事项告知承诺制", "全面推行行政执法公示制度",
              "印发政务服务事项目录管理办法", "加强预算绩效管理"]
# fmt: on
DOC_TYPES = ["的通知", "的指导意见", "的实施意见", "的实施方案", "工作方案", "管理办法", "的意见", "的函"]
DOC_ABBRS = [
    "番府办",
    "国发",
    "国办发",
    "粤府办",
    "穗府办",
    "穗府",
    "粤府",
    "财预",
    "穗天科工信",
    "番政数",
    "从府办",
    "深府办",
]

# (template, kind): {A} agency, {P} platform, {R} reform, {D} policy document, {N} document number
# fmt: off
TEMPLATES = [
    "负责{P}的建设、管理和维护。", "依托{P}，实现跨部门数据共享和业务协同。", "推进{P}建设，提高行政审批效率。",
    "群众可通过{P}办理社保、医保等高频事项。", "完成{P}升级改造，进一步提升系统稳定性。", "加快推广{P}应用，扩大覆盖范围。",
    "整合{P}与{P}的数据资源。", "{A}负责统筹推进全区政务服务体系建设。", "会同{A}对进驻窗口进行监督检查。",
    "根据{A}的工作部署，完成{P}的部署上线。", "{A}牵头，{A}配合，共同推进相关工作。", "协调{A}、{A}等部门做好数据对接。",
    "深化{R}，持续优化营商环境。", "全面推进{R}，实现企业群众办事便利化。", "按照{D}的要求，扎实推进{R}。",
    "{A}印发{D}（{N}）。", "根据{D}（{N}）的文件精神，积极推进相关工作。", "贯彻落实{D}，推动{R}落地见效。",
    "{A}内设{A}、{A}等机构。", "通过{P}，实现“{S}”。", "以{R}为抓手，推动{P}建设。", "由{A}负责{P}的日常运维。",
    "积极探索{R}，在{A}试点。", "推进{R}，完成{P}与省级平台的对接。", "为{A}提供技术支持，保障{P}正常运行。",
    "持续做好{P}的宣传推广。", "承担{A}交办的其他事项。", "扎实开展{R}各项工作。",
    "登录{P}办理相关业务。", "关注{P}，获取最新政策信息。", "{P}上线运行，服务企业群众。", "下载{P}，实现掌上办理。",
    "做好{P}的内容保障和运维工作。", "{P}访问量同比增长。", "依托{P}开展数据分析。", "保障{P}安全稳定运行。",
    "主要用于{P}运维及升级改造。", "实现{P}、{P}互联互通。", "在{P}开设专栏，发布政务信息。",
]
# fmt: on
# Sentences without entities, written for training (none is taken from a gold report).
# fmt: off
NEGATIVE = [
    "认真做好年度预算编制和执行工作，提高资金使用效益。", "组织开展窗口业务培训，提升服务水平。", "完善平台功能，提升系统稳定性。",
    "加强队伍作风建设，树立良好形象。", "指导各镇街开展政务信息化工作。", "进一步提升中心服务水平。",
    "本部门收入预算比上年减少，主要原因是项目支出减少。", "各单位要高度重视，认真做好相关工作。", "健全内部控制制度，防范廉政风险。",
    "落实全面从严治党主体责任，抓好党风廉政建设。", "优化办理流程，提高办事效率。", "强化网络安全保障，提升平台安全防护能力。",
    "做好有关部门交办的工作。", "建立健全管理制度，规范系统运行维护。", "协调解决系统建设中的困难和问题。",
    "按规定做好固定资产登记和清查盘点工作。", "压缩一般性支出，严控“三公”经费。",
    "完善各业务系统功能，加强信息系统安全防护。", "做好政务新媒体和门户网站的内容保障。", "为专项工作开展提供平台保障。",
    "建设统一的数据共享交换体系。", "依托各类信息平台开展宣传。", "统筹全市信息化系统建设。", "保障各应用系统正常运行。",
]
# fmt: on


#: Gazetteer ids of the provinces' service brands and the national platform (ontology/gazetteer.ttl): names of
#: general knowledge, not of the corpus, never put into generated sentences — the shape test
#: (tests/test_platform_shapes.py) uses such brands as names no training file holds.
GENERAL_BRANDS = ("brand-", "national-service-platform")


#: The list of other held-out names, in the checkout (one a line, ``#`` comments; quotes are not kept).
HELD_OUT_FILE = ("training", "held_out.txt")


@functools.cache
def held_out_names() -> tuple[str, ...]:
    """Every name no training sentence may hold: :data:`HELD_OUT` and the names of :data:`HELD_OUT_FILE`."""
    from nlp.resources import require_source_tree

    listed = require_source_tree("train", *HELD_OUT_FILE).read_text(encoding="utf-8").splitlines()
    names = {ln.strip().strip('“”"') for ln in listed if ln.strip() and not ln.lstrip().startswith("#")}
    return tuple(sorted(names | set(HELD_OUT)))


def _held_out(s: str) -> bool:
    return any(h in s for h in held_out_names())


def without_held_out(rows: list[dict]) -> list[dict]:
    """The rows whose text holds no held-out name (:func:`held_out_names`), whatever labels it carries."""
    return [r for r in rows if not _held_out(r["text"])]


class _Names:
    def __init__(self, rng: random.Random, entries: list[GazetteerEntry]) -> None:
        self.rng = rng
        self.gaz: dict[str, list[str]] = {}
        for e in entries:
            if e.id.rsplit("/", 1)[-1].startswith(GENERAL_BRANDS):
                continue  # every province's brand (general knowledge): the NER learns the shape, not the list
            for n in (e.pref_label, *e.alt_labels, *(f for _, f in e.scoped_alt_labels)):
                if e.label != "Place" and not _held_out(n):
                    self.gaz.setdefault(e.label, []).append(n)

    def pick(self, xs):
        return self.rng.choice(xs)

    def fresh(self, make: Callable[[], str]) -> str:
        """A name from ``make`` that holds no held-out name (composed parts can make one: 应急指挥 + 一体化平台)."""
        for _ in range(1000):
            name = make()
            if not _held_out(name):
                return name
        raise ValueError("every composed name holds a held-out name")

    def agency(self) -> str:
        r = self.rng.random()
        if r < 0.2 and self.gaz.get("Agency"):
            return self.pick(self.gaz["Agency"])
        if r < 0.55:
            return self.pick(CITIES) + self.pick(DISTRICTS) + self.pick(AGENCY_CORES)
        if r < 0.7:
            return self.pick(CITIES) + self.pick(AGENCY_CORES)
        if r < 0.8:
            return self.pick(DISTRICTS) + self.pick(AGENCY_CORES)
        if r < 0.92:
            return self.pick(["区", "市", "省", ""]) + self.pick(AGENCY_SHORT)
        return self.pick(UNITS)

    def platform(self) -> str:
        r = self.rng.random()
        if r < 0.2 and self.gaz.get("Platform"):
            return self.pick(self.gaz["Platform"])
        if r < 0.3:
            return self.pick(CITIES) + self.pick(AGENCY_CORES) + self.pick(OWNED_HEADS)
        if r < 0.6:
            pre = self.pick(["", "", "区", "市", "省", self.pick(DISTRICTS), self.pick(CITIES)])
            return pre + self.pick(PLATFORM_TOPICS) + self.pick(PLATFORM_HEADS)
        while True:
            brand = self.pick(BRAND_CHARS) + self.pick(BRAND_TAILS)
            if not _held_out(brand):
                break
        head = self.pick(BRAND_HEADS)
        return (f"“{brand}”{head}" if self.rng.random() < 0.5 else brand + head) if head else f"“{brand}”"

    def reform(self) -> str:
        r = self.rng.random()
        if r < 0.2 and self.gaz.get("Reform"):
            return self.pick(self.gaz["Reform"])
        if r < 0.5:
            q = self.pick(["“", '"'])
            return f"{q}{self.pick(SLOGANS)}{'”' if q == '“' else chr(34)}改革"
        if r < 0.7:
            return self.pick(SYSTEM_REFORMS) + "制度改革"
        if r < 0.9:
            return self.pick(PLAIN_REFORMS)
        return self.pick(INITIATIVES)

    def document(self) -> str:
        issuer = self.pick(
            [
                "广州市人民政府办公厅",
                "国务院",
                "广东省人民政府",
                "广州市番禺区人民政府办公室",
                "财政部",
                "深圳市人民政府",
                "",
            ]
        )
        body = (
            ("关于" + self.pick(DOC_TOPICS) + self.pick(DOC_TYPES))
            if self.rng.random() < 0.7
            else self.pick(
                [
                    "优化营商环境条例",
                    "政务服务事项目录",
                    "电子政务总体规划",
                    "政府信息公开条例",
                    "数字政府建设总体规划（2018-2020年）",
                ]
            )
        )
        return f"《{issuer}{body}》"

    def number(self) -> str:
        y = self.rng.randint(2010, 2024)
        n = self.rng.randint(1, 200)
        o, c = self.pick([("〔", "〕"), ("[", "]"), ("（", "）")])
        return f"{self.pick(DOC_ABBRS)}{o}{y}{c}{n}号"


def _fill(template: str, names: _Names) -> tuple[str, list[list]]:
    out, ents = [], []
    pos = 0
    for m in re.finditer(r"\{([APRDNS])\}", template):
        out.append(template[pos : m.start()])
        kind = m.group(1)
        value, label = {
            "A": (names.agency, "Agency"),
            "P": (names.platform, "Platform"),
            "R": (names.reform, "Reform"),
            "D": (names.document, "PolicyDocument"),
            "N": (names.number, "PolicyDocument"),
            "S": (lambda: names.pick(PLAIN_PHRASES), None),
        }[kind]
        text = names.fresh(value)
        start = sum(map(len, out))
        out.append(text)
        if label:
            ents.append([start, start + len(text), label])
        pos = m.end()
    out.append(template[pos:])
    return "".join(out), ents


def generate(entries: list[GazetteerEntry], n: int = 2400, seed: int = SEED) -> list[dict]:
    """``n`` template sentences (1–3 templates joined), reproducible from ``seed``."""
    rng = random.Random(seed)
    names = _Names(rng, entries)
    out = []
    for _ in range(n):
        parts: list[str] = []
        ents: list[list] = []
        for _ in range(rng.choice([1, 1, 2, 2, 3])):
            e: list[list] = []
            if rng.random() < 0.18:
                text = rng.choice(NEGATIVE)
            else:
                text, e = _fill(rng.choice(TEMPLATES), names)
            off = sum(map(len, parts))
            parts.append(text)
            ents += [[s + off, t + off, lab] for s, t, lab in e]
        out.append({"text": "".join(parts), "entities": ents})
    return out


def substitute(rows: list[dict], entries: list[GazetteerEntry], variants: int = 3, seed: int = SEED) -> list[dict]:
    """Real sentences with new names: each entity of a silver row replaced by a composed name
    of the same type (the context is the report's, the name is one the model has not seen)."""
    rng = random.Random(seed + 1)
    names = _Names(rng, entries)
    make = {
        "Agency": names.agency,
        "Platform": names.platform,
        "Reform": names.reform,
        "PolicyDocument": names.document,
    }
    out = []
    for r in rows:
        ents = [e for e in r["entities"] if e[2] in make]
        if not ents:
            continue
        for _ in range(variants):
            text, new, pos = [], [], 0
            for s, e, lab in sorted(ents):
                text.append(r["text"][pos:s])
                name = names.fresh(
                    make[lab] if not (lab == "PolicyDocument" and not r["text"][s:e].startswith("《")) else names.number
                )
                start = sum(map(len, text))
                text.append(name)
                new.append([start, start + len(name), lab])
                pos = e
            text.append(r["text"][pos:])
            out.append({"text": "".join(text), "entities": new})
    return out


def write_jsonl(path: Path, rows: list[dict]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", encoding="utf-8") as f:
        for r in rows:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")


def read_jsonl(path: Path) -> list[dict]:
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]
