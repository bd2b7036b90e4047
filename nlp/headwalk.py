"""Where a platform name found by its head word starts: the walk leftwards from the head over the words in front.

:func:`name_start` takes the words in front of a head (…平台, …系统, …热线) one by one, nearest first, and says which are
the name's and where the name starts: an owner's name (省|卫生|健康|委|门户网站), the levels it spans (省市|两级|…), the
hours it serves (7×24|小时|…), a quoted part (惠企政策|“免申即享”平台), a place and its level (依托|新建|区政务服务平台),
a network of things (物|联网) — and where the walk stops: a word that leads the name (a verb, a preposition, a
conjunction: :mod:`nlp.nameleads`), when (疫情期间|), where in a building (一楼|大厅), a place of the clause (辖区内|).
A mention that is plural or generic (三级|政务服务平台, 各|委局门户网站, 相关|业务系统) takes no words at all.

The tests the name then passes are :mod:`nlp.candidates`' and :mod:`nlp.namechecks`'.  Everything here is vocabulary
of the domain (levels, body ends, determiners), never a name.
"""

from __future__ import annotations

import re
from itertools import pairwise

from nlp.jiebadictionary import pos_table
from nlp.namechecks import names_joined
from nlp.nameleads import (
    coordinated,
    glued_lead,
    is_lead,
    is_nominal,
    manner_of_the_names_verb,
    place_of_the_clause,
)
from nlp.places import place_name, place_of_a_level
from nlp.platformwords import (
    GENERIC_COMPOUNDS,
    GENERIC_WORDS,
    HEAD,
    LEAD_WORDS,
    LONG_LEADS,
    NAME_MODIFIERS,
    NOUN_VERBS,
    PART_WORDS,
    PLATFORM_HEADS,
    TOPIC_VERBS,
    WHERE_WORDS,
    WHOLE_TERRITORY,
    WORK_ON_A_THING,
    counted_term_start,
)
from nlp.sharedheads import activity, listed_tasks

#: The characters a name found by its head is made of; a word with any other ends the walk.
_NAME_CHAR = re.compile(r"[\u4e00-\u9fffA-Za-z0-9+＋“”\"「」（）()·]")
#: One-stop (一门式, 一窗式, 一键式, 一站式): 一, what is one, 式 — a quality of the name's own, whose count jieba cuts off.
ONE_STOP = re.compile(r"一[\u4e00-\u9fff]式")
#: The longest name found by its head, in characters.
_MAX_NAME = 24


#: What a body's name ends with, the owner printed in front of its platform (…建设局|门户网站, …委员会|网站).
_BODY_END = re.compile(r"(?:局|署|委|厅|部|院|办|委员会)$")


#: Verbs that put content on a channel or handle it there (发布, 上传, 受理): with no noun in front of them they are the
#: clause's verb, not the name's (全年|发布|网站信息, 累计|受理|平台工单), where the head's content follows the head.
_CONTENT_VERBS = {"发布", "刊发", "刊登", "推送", "转载", "转发", "上传", "更新", "录入", "受理", "办理", "处理"}
#: What a channel carries, right after its head: the content a verb in front puts there (网站|信息, 平台|工单, 系统|数据).
_CONTENT_AFTER = re.compile(r"信息|数据|内容|稿件|文章|动态|新闻|资讯|消息|公告|工单|办件|来电")


#: A level that owns a name, printed alone in front of it (区|政务服务大厅, 市|12345政务服务热线).
LEVEL_CHARS = {"省", "市", "区", "县", "州"}


#: A year's 年 jieba glued to the level that owns the name (2023|年县|政务服务平台, 2022|年市|本级…).
_YEAR_LEVEL = re.compile(r"年[向在对为从由将把给与]?[省市区县]")  # 2025|年向区|人民政府网站: 年, 向, then the level


#: A word ending in a lead verb of two characters (联合开发, 全面推广): before a quoted name it governs it, whatever jieba
#: tags the word.
_LEAD_ENDS = tuple(LONG_LEADS)


#: Levels that make a mention plural: 三级政务服务平台, 省市区三级.
_LEVELS = re.compile(r"[一二三四五六七八九十两多]级")


#: Words that say when (疫情期间, 改革以来): the name starts after them.
_TIME_FRAME = re.compile(r"(?:期间|之际|以来|以后|之后|以前|之前|前夕|期内|季度|月份)$")


#: A level between two heads (…管理系统|市级|平台): the level's part of the system named before it.
_LEVEL_OF_A_SYSTEM = re.compile(r"[省市区县]?本级|[省市区县]级")


#: A floor of a building (一楼, 三层, 负一楼, 3F, B1): where a hall is, not which.
_FLOOR = re.compile(r"负?[一二三四五六七八九十]+[楼层]|\d{1,2}[Ff]|[Bb]\d")


#: Determiners that make the mention plural or generic (各应用系统, 相关业务系统, 各类平台).
# fmt: off
PLURAL_BEFORE = {"各", "各类", "各项", "各级", "相关", "有关", "其他", "其它", "多个", "一批", "等", "各种", "所有", "一些", "若干",
                  "该", "此", "这个", "上述", "现有", "原有", "已有", "已建", "在建", "垂建", "各个", "每个", "全部"}
# fmt: on


def _first_of_a_network(char: str) -> bool:
    """Is ``char``, right before jieba's 联网, the first character of a network of things named X联网 (物联网, 车联网,
    视联网: words jieba's dictionary lacks, cut 物|联网 or glued to a lead, 推进物|联网) — not a function word's
    (和|联网, 各|联网) nor a level's (省|联网: the level, taken as one)?"""
    return (
        re.fullmatch(r"[\u4e00-\u9fff]", char) is not None
        and char not in LEVEL_CHARS
        and (pos_table().get(char) or "zg") not in {"p", "c", "u", "uj", "r", "d", "m", "f"}
    )


def _a_things_activity(core: list[str]) -> bool:
    """Do ``core``, the words between 一体化 and a platform's head, name a particular thing and what is done with it — a
    word that is neither generic nor an activity, then a verb (政务|晓屋|共享, 骑楼|修缮|申报, 融媒通|服务)?  Then 一体化
    says how that service is run, a manner in front of the name.  Before a kind of system named by its quality or field
    (数智, 协同|办公, 在线|监管, 政务服务, 公共|数据) it is the name's: 一体化数智平台 is one province's platform."""
    pos = pos_table()
    return any(
        a not in GENERIC_WORDS
        and a not in TOPIC_VERBS
        and (pos.get(a) or "nz")[0] in "n"
        and (pos.get(b) or "")[:1] == "v"
        for a, b in pairwise(core)
    )


#: A body's one-character end that jieba leaves a token of its own (卫生|健康|委, 发展|改革|委).
BODY_CHARS = {"委", "局", "厅", "署"}


def _body_before(text: str, words: list[tuple[int, int]], j: int) -> int | None:
    """The index of the first word of a body's name ending in the one-character token ``words[j]`` (委): up to four
    words of the body's field before it (nouns, adjectives, nominal verbs: 卫生|健康, 发展|改革), none a lead."""
    b = j - 1
    while b >= 0 and j - b <= 4:
        w = text[words[b][0] : words[b][1]]
        pos = pos_table().get(w) or ""
        if (
            w in LEAD_WORDS
            or not re.fullmatch(r"[\u4e00-\u9fff]{2,}", w)
            or pos not in ("n", "an", "a", "vn", "j", "l", "nz")
        ):
            break
        b -= 1
    if b + 1 == j - 1 and adjective_alone(text[words[b + 1][0] : words[b + 1][1]], text[words[j][0] : words[j][1]]):
        return None  # 推进|健康|委…: an adjective alone is no body's field (卫生|健康|委 is)
    return b + 1 if b + 1 < j else None


def adjective_alone(word: str, body_end: str) -> bool:
    """Is ``word``, the only word before a body's one-character end ``body_end`` (健康|委), an adjective?  Then it names
    no line of government and no body: 推进|健康|委门户网站 names nothing, 卫生|健康|委门户网站 does.  The shape rules'
    owner walk and the NER's gate (:func:`nlp.entities.no_platform_by_the_rules`) both ask it."""
    return body_end in BODY_CHARS and (pos_table().get(word) or "").startswith("a")


#: How a name opens that no word of activity in front can belong to: a quote (“粤省事”平台), a service number (12345…),
#: the government's own words, its level's character before them too (政务…, 电子政务…, 政府…, 市政府…, 区政务…).
_WHOLE_NAME_OPENS = re.compile(r"[“「\"]|\d{3,}|[省市区县州]?(?:(?:电子)?政务|(?:人民)?政府)")


#: The country as a name's owner (国家政务服务平台, 全国信用信息共享平台, 中国政府网).
_NATIONAL_OWNERS = {"国家", "全国", "中国"}


def an_activity_before_a_whole_name(word: str, first: str, left: str) -> bool:
    """Is ``word``, right before the word ``first`` a name opens with, an activity done to the name — a verb or a verbal
    noun of two characters or more (培训, 宣传, 考核, 咨询) — and ``first`` opens a whole name by itself: a quote (“粤省事”平台),
    a service number (12345政务服务热线), the government's own words (政务云平台, 电子政务外网, 政府门户网站), an owner — a
    place, a level's character, the country (桐庐县政务服务网, 县人社局官网, 国家政务服务平台) — or, for work done to a thing
    (:data:`WORK_ON_A_THING`: 宣传, 培训, 考核), by a noun (宣传|不动产登记信息平台)?  Then the activity governs
    the name and is none of it (培训|政务云平台).  Not a field of work that names systems (应急, 监管, 移动|政务), 服务 / 管理
    / 建设 after a noun (nlp.nameleads decides those), nor a modifier of names (综合|政务服务大厅, 统一|政务服务平台); and
    only where ``left``, the word in front, does not make one compound with it (物联|感知|政务云平台): a clause's start, a
    lead, a verb, an adverb or an adjective of manner (广泛|宣传), a preposition or a conjunction."""
    return (
        len(word) >= 2
        and (pos_table().get(word) or "") in ("v", "vn")
        and word not in TOPIC_VERBS
        and word not in NOUN_VERBS
        and word not in GENERIC_WORDS
        and word not in NAME_MODIFIERS
        and (
            _WHOLE_NAME_OPENS.match(first) is not None
            or first in LEVEL_CHARS
            or first[:2] in _NATIONAL_OWNERS
            or place_name(first)
            or (
                word in WORK_ON_A_THING
                and first not in TOPIC_VERBS
                and first not in NOUN_VERBS
                and not (pos_table().get(first) or "n").startswith(("v", "a", "d"))
            )
        )
        and (
            not left or not left[-1].isalnum() or left in LEAD_WORDS or (pos_table().get(left) or "x")[0] in "vadpcrmu"
        )
    )


#: The heads of an information system (not of a hall, a counter or a card: 实体大厅|业务系统 is the hall's own system).
_SYSTEM_HEADS = ("平台", "系统", "网", "网站", "官网", "门户", "网络", "库", "云", "热线", "APP", "App", "app", "端")


def a_part_named(taken: list[tuple[int, str]], head: str) -> bool:
    """Do the words ``taken`` between a system's name and the bare head ``head`` (平台, 系统) after it name only a part of
    that system by generic words (…平台|业务|系统, …网站|软件|系统, …热线|数据平台: :data:`PART_WORDS`)?  Then the second head
    names no system of its own: the name is the first's (tests/gold/README.md, *A part named after a system*)."""
    if not head.endswith(("平台", "系统")):
        return False
    words = [w for _, w in taken] + ([head[:-2]] if len(head) > 2 else [])
    return bool(words) and all(w in PART_WORDS for w in words)


def name_start(
    text: str, words: list[tuple[int, int]], starts: dict[int, int], k: int, hs: int, he: int, head: str
) -> tuple[int, list[tuple[int, str]], bool]:
    """Where the name whose head word ``head`` spans ``text[hs:he]`` starts, its head in the token ``words[k]`` (``starts``
    maps each token's start to its index): the name's first character, the words taken into it (offset and word,
    nearest the head first; none when the mention is plural or generic) and whether an owner's name was taken in
    (省|卫生|健康|委|门户网站: then no list of topics in front shares its head)."""
    start = words[k][0]
    prefix = text[start:hs]  # 信息 of the token 信息系统: part of the name's core
    taken = [(start, prefix)] if prefix else []
    past_quote = False
    owned = False  # an owner's name taken into the name: no list of topics in front shares its head
    j = k - 1
    while j >= 0:
        ws, we = words[j]
        word = text[ws:we]
        gap = text[we:start]
        if gap and not (gap == " " and (re.fullmatch(r"[A-Za-z0-9]+", word) or text[start].isascii())):
            break  # one space next to a Latin word or a number is the name's: elk 系统, 广州 12345 政府服务热线
        left = text[words[j - 1][0] : words[j - 1][1]] if j else ""
        if not all(_NAME_CHAR.match(c) for c in word) or names_joined(word, left):
            break  # 智信平台|+|运管服平台: a + after a head joins two names
        if taken and ONE_STOP.match(word + taken[-1][1]) and (word == "一" or ONE_STOP.match(word + taken[-1][1][:1])):
            taken.append(
                (ws, word)
            )  # 一门|式政务服务平台, 一|窗式…: one-stop, a manner the name is built for, the name's
            start = ws
            j -= 1
            continue
        if (term := counted_term_start(text, we, starts)) is not None:  # 一套|表|联网直报平台: the name's words
            taken.append((term, text[term:we]))
            start, j = term, starts[term] - 1
            continue
        if (
            not past_quote
            and word not in "“「"
            and any(w in "”」" for _, w in taken)
            and not any(w in "“「" for _, w in taken)
            and he - ws <= _MAX_NAME
        ):
            taken.append((ws, word))  # 国土资源“一张|图”核心数据库: inside the quotes every word is the name's
            start = ws
            j -= 1
            continue
        if (
            len(word) >= 2
            and word[-1] in "区市省县部"
            and (word[:-1] in LEAD_WORDS or (len(word) == 3 and word[1] == "将" and word[:2] not in pos_table()))
        ):
            start = we - 1  # jieba's 管理区 in 统筹管理区政务服务大厅, 现将市: the name starts at 区, 市
            taken.append((start, word[-1]))
            break
        body = _body_before(text, words, j) if word in BODY_CHARS and j == k - 1 else None
        if body is not None:  # 省|卫生|健康|委|门户网站: the owner's name, its one-character end a token of its own
            taken += [(ws, word)] + [(words[b][0], text[words[b][0] : words[b][1]]) for b in range(j - 1, body - 1, -1)]
            start = words[body][0]
            owned = True
            j = body - 1
            continue
        if _LEVELS.fullmatch(word) and re.fullmatch(r"[省市区县乡镇村]{2,4}", left):
            start = words[j - 1][0]  # 省市|两级|政务服务协同平台: the levels named, one system across them
            taken += [(ws, word), (start, left)]
            break
        if _LEVELS.fullmatch(word) or re.fullmatch(r"[一二三四五六七八九十两几多双]+[大个项类种套批]?", word):
            taken = []  # 三级政务服务平台: the platforms of three levels, no particular one
            break
        if word == "小时" and re.fullmatch(r"\d{1,2}|7[×xX*]24", left):
            start = words[j - 1][0]  # 24|小时|智慧服务大厅: the hours it serves are the name's
            taken += [(ws, word), (start, left)]
            if j >= 3 and text[words[j - 3][0] : words[j - 2][1]] in ("7×", "7x", "7X", "7*"):
                start = words[j - 3][0]  # 7|×|24|小时: seven days of 24 hours
                taken.append((start, text[start : words[j - 1][0]]))
            break
        if _TIME_FRAME.search(word):
            break  # 疫情期间|政务大厅: when, not which
        part = _LEVEL_OF_A_SYSTEM.fullmatch(word) or (not taken and place_name(word, level=True, unknown=False))
        if part and left.endswith(PLATFORM_HEADS):
            taken = []  # 数字化城市管理系统|市级|平台, 安徽大数据平台|六安市|平台: a level's, a place's part of it
            break
        if word.endswith(_SYSTEM_HEADS) and a_part_named(taken, head):
            taken = []  # 政务服务平台|业务|系统, 门户网站|信息系统: generic words and a head name the system's part
            break
        if _FLOOR.fullmatch(word) or (word in ("楼", "层") and re.fullmatch(r"[Bb]?\d{1,2}", left)):
            break  # 市民服务中心一楼|大厅, 二楼|政务服务大厅, 1|楼|大厅: where in a building, not which
        if word in "“「" or (word == '"' and sum(w.count('"') for _, w in taken) % 2):
            if not any(w in '”」"' for _, w in taken):
                break  # “全国信访信息系统维护费”: the quote opens a longer phrase, not the name
            if left in ("”", "」"):
                taken = []  # “鄂汇办”“鄂政通”移动端: one head for two quoted names, named alone
                break
            # 惠企政策|“免申即享”平台: a quoted part of the name; the words in front go on as usual
            taken.append((ws, word))
            start = ws
            past_quote = True
            j -= 1
            continue
        if past_quote and (
            word in WHERE_WORDS
            or (
                word in pos_table()
                and not (is_nominal(word) or word in TOPIC_VERBS or pos_table().get(word) in {"ns", "nt", "j"})
            )
            or (pos_table().get(word) != "ns" and word.endswith(_LEAD_ENDS))  # 联合开发|“我的宁夏”App: jieba's nt
        ):
            break  # 用|好|“互联网+督查”平台, 基层|“四标四实”基础库: only nouns that name run on in front of a quote
        if word[0] == "各" and len(word) >= 2 and word not in pos_table():
            taken = []  # jieba's 各委局|门户网站: each body's site, no particular one
            break
        if word in ("全", "各") and taken and re.match(r"[省市区县](?:政府|级|直)?", taken[-1][1]):
            if word == "各" or re.match(r"[省市区县]政府", taken[-1][1]):
                taken = []  # 全|市政府|网站: every government's website of the city, no particular one
            break  # 全|区政务服务平台: a scope word, not the name's
        if taken and taken[-1][1] in LEVEL_CHARS and place_of_a_level(word):
            # 依托|新建|区政务服务平台: a place jieba reads as a verb too, its level after it
            taken.append((ws, word))
            start = ws
            j -= 1
            continue
        if (
            taken
            and taken[-1][1] in LEVEL_CHARS
            and not re.fullmatch(r"[省市区县州乡镇村中]+", word)
            and (pos_table().get(word) or "ns")[:2] not in ("ns", "nt", "nr", "nz", "j")
        ):
            break  # 统一|区12345政务服务热线: a level starts the name; a word in front that names no place governs it
        # 中省市书记信箱: 中(央)+省+市, the levels that own it (not 工作中|省…: "during", after a noun)
        central = word == "中" and text.startswith("省", we) and not is_nominal(left)
        if not central and place_of_the_clause(word):
            break  # 辖区内|社区团餐小程序: a place of the clause, not the name's
        if (
            taken
            and taken[-1][1] == "联网"
            and _first_of_a_network(word[-1])
            and (len(word) == 1 or word[:-1] in LEAD_WORDS)
        ):
            start = we - 1  # jieba's 物|联网, 推进物|联网: 物联网, a network of things, one word of the name
            taken.append((start, word[-1]))
            if len(word) > 1:
                break  # 推进|物: the lead glued to it governs the name
            j -= 1
            continue
        glued = glued_lead(word, text[we : we + 4], left) or (len(word) - 1 if _YEAR_LEVEL.fullmatch(word) else 0)
        if glued:
            start = ws + glued  # jieba's 管理法|人单位基础数据库: 管理 | 法人单位…
            if word[glued:]:
                taken.append((start, word[glued:]))
            break
        if word == "本级" and (left in ("省", "市", "区", "县") or _YEAR_LEVEL.fullmatch(left)):
            start = words[j - 1][1] - 1  # 市|本级|电子政务内网: the city's own level names whose network it is
            taken += [(ws, word), (start, left)]
            break
        if (
            left in ("与", "和")
            and j >= 2
            and coordinated(text[words[j - 2][0] : words[j - 2][1]], word)
            and not (taken and taken[-1][1] == "一体化")
        ):  # not 运行和管理|一体化政务服务平台: a name opening with 一体化 is whole, the two verbs govern it
            taken.append((ws, word))  # 认证和|授权|平台: the second of two joined activities is the name's
            start = ws
            j -= 1
            continue
        if (
            word == "和"
            and j
            and (is_nominal(left) or left in TOPIC_VERBS)
            and any(_BODY_END.search(w) for _, w in taken)
            and not any(HEAD.search(w) for _, w in taken[:-1])
            and not left.endswith(PLATFORM_HEADS)  # 省政府门户网站|和|局官网: two names joined, each with its head
        ):
            taken.append((ws, word))  # 住房|和|城乡建设局|门户网站: the owner's name holds 和
            start = ws
            j -= 1
            continue
        if (
            word in ("与", "和")
            and j
            and coordinated(left, taken[-1][1] if taken else "")
            and not (listed_tasks(text, words, j - 1) and all(activity(w) for _, w in taken))
        ):  # not 宣传、培训|和|执法监管平台: after a list's 、 the 和 joins its last item, tasks listed
            taken.append((ws, word))  # 动态监测与监管系统, 认证和授权平台: two activities of one system
            start = ws
            j -= 1
            continue
        # a verb right before the head names the system (发布系统, 信访|信息系统); not so before a
        # whole name the dictionary knows (保障|区政务基础信息平台)
        right = taken[-1][1] if taken else text[words[k][0] : words[k][1]]
        if (
            word == "一体化"
            and not right.endswith("化")
            and not WHOLE_TERRITORY.fullmatch(left)
            # the head's own first word too: 融媒通|服务平台
            and _a_things_activity([w for _, w in reversed(taken)] + [head[:-2]] * (len(head) > 2))
        ):
            break  # 一体化|政务晓屋共享平台: a manner; 一体化数智平台, 全国一体化|在线政务服务平台: the name's
        if word in _CONTENT_VERBS and not is_nominal(left) and _CONTENT_AFTER.match(text, he):
            break  # 累计|发布|网站信息, 全年|受理|平台工单: the verb puts the head's content there, no name's word
        names_words = [w for _, w in reversed(taken) if w.strip()]
        if manner_of_the_names_verb(word, names_words, head):
            # 实时|审批服务平台, 就近|共享交换平台: how the name's own verb is done, the name's
            taken.append((ws, word))
            start = ws
            j -= 1
            continue
        if taken and an_activity_before_a_whole_name(word, taken[-1][1], left):
            break  # 培训|政务云平台, 宣传|12345政务服务热线: the activity governs the name
        # next to a head token of generic words (采伐|管理信息系统) a verb after a noun names the system
        if is_lead(
            word,
            j == k - 1 and len(prefix) <= 2,
            left,
            right,
            next_to_head=j == k - 1 and prefix in GENERIC_COMPOUNDS,
        ):
            if word in PLURAL_BEFORE:
                taken = []
            break
        if he - ws > _MAX_NAME:
            break
        taken.append((ws, word))
        start = ws
        j -= 1
    return start, taken, owned
