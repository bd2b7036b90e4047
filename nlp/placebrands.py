"""The places a government service brand is named after, and where such a brand printed bare ends.

Provinces and cities name their 政务服务 apps, portals and cards after themselves, in one shape: the place's
one-character abbreviation or its literary name and a service word (粤省事, 随申办, 浙里办, 陇事通, 郑好办, 天府通办,
三晋通, 泉城办), often printed with no quotes and no head word.  This module holds the places (public knowledge of
China's administrative geography, no report's text): the one-character abbreviations of the provinces (both where a
province has two: 陕 and 秦, 甘 and 陇, 川 and 蜀, 黔, 滇) and of cities whose abbreviation is in common use, and the
two-character literary names of provinces (天府, 三晋, 八闽 …) and cities (泉城, 春城, 鹏城 …).  The brand's regular
expression is :data:`nlp.platformwords.BRAND`, built from these.

Left out on purpose: characters that are everyday words on their own as much as places (云 cloud, 贵 dear, 海 sea,
台 stage, 港 harbour, 长, 常, 宜, 并, 连, 江, 湖, 中, 金, 惠, 清, 通): before a service word they read as the word
(云办公, 海通, 中通, 惠企通), and a brand of theirs (海易办) is left to the gazetteer and the quoted-name rules.
"""

from __future__ import annotations

import re

#: One-character abbreviations of provinces (申 for Shanghai, 蒙 for Inner Mongolia, 新 for Xinjiang).
PROVINCE_CHARS = "京津冀晋蒙辽吉黑沪申苏浙皖闽赣鲁豫鄂湘粤桂琼渝川蜀黔滇藏陕秦甘陇青宁新"
#: One-character abbreviations of cities: provincial capitals and other cities known by one character (穗 Guangzhou,
#: 深 Shenzhen, 莞 Dongguan, 甬 Ningbo, 汉 Wuhan, 蓉 Chengdu, 榕 Fuzhou, 邕 Nanning, 筑 Guiyang, 郑 Zhengzhou, 锡 Wuxi,
#: 鹭 Xiamen, 温 Wenzhou, 绍 Shaoxing, 洛 Luoyang, 襄 Xiangyang, 绵 Mianyang, 潍 Weifang, 淄 Zibo, 衢 Quzhou …).
CITY_CHARS = "穗深莞佛珠厦杭甬汉蓉榕邕昆筑郑锡鹭泉温绍嘉洛汕湛襄绵柳徐潍淄芜衢漳莆肇韶沈"
#: Every place character a brand may open with.
PLACE_CHARS = PROVINCE_CHARS + "".join(c for c in CITY_CHARS if c not in PROVINCE_CHARS)
# fmt: off
#: Literary names of provinces (天府 四川, 三晋 山西, 八桂 广西, 齐鲁 山东, 三秦 陕西, 八闽 福建, 荆楚 湖北, 燕赵 河北,
#: 龙江 黑龙江, 巴渝 重庆, 三湘 湖南, 江淮 安徽, 中原 河南, 陇原 甘肃, 岭南 广东, 琼州 海南, 津门 天津, 申城 上海, 塞上 宁夏,
#: 彩云 云南) and of cities (羊城 广州, 鹏城 深圳, 春城 昆明, 泉城 济南, 冰城 哈尔滨, 星城 长沙, 江城 武汉, 蓉城 成都, 榕城 福州,
#: 鹭岛 厦门, 金陵 南京, 姑苏 苏州, 龙城 太原, 绿城 郑州, 长安 西安, 金城 兰州, 筑城 贵阳, 青城 呼和浩特, 夏都 西宁, 椰城 海口,
#: 鹿城 温州, 洪城 南昌, 邕城 南宁, 禾城 嘉兴, 甬城 宁波, 滨城 大连).
LITERARY_NAMES = ("天府", "三晋", "八桂", "齐鲁", "三秦", "八闽", "荆楚", "燕赵", "龙江", "巴渝", "三湘", "江淮", "中原",
                  "陇原", "岭南", "琼州", "津门", "申城", "塞上", "彩云", "羊城", "鹏城", "春城", "泉城", "冰城", "星城",
                  "江城", "蓉城", "榕城", "鹭岛", "金陵", "姑苏", "龙城", "绿城", "长安", "金城", "筑城", "青城", "夏都",
                  "椰城", "鹿城", "洪城", "邕城", "禾城", "甬城", "滨城")
# fmt: on
#: A literary name opening a brand (the regular expression's alternative).
LITERARY = "(?:" + "|".join(LITERARY_NAMES) + ")"
#: A place character, a Latin e or i, and what a coined brand ends with after them (深i企, 青e办, 冀e家).
LATIN_MIDDLE_ENDS = "企家办通码政商民"

#: Verbs that take a way of handling matters as their object (推动|燕赵通办, 实现|川渝通办): a place's 通办 printed bare
#: after them is the verb's — matters handled anywhere in the place, an initiative — no app's name.
_MODE_VERBS = ("推动", "推进", "深化", "实现", "开展", "落实", "加快", "探索", "扩大", "拓展", "加强", "完善")


def literary_brand(name: str) -> bool:
    """Does the brand ``name`` open with a place's literary name (天府通办, 三晋通) rather than its one character?"""
    return name.startswith(LITERARY_NAMES)


def runs_on(end: int, word_ends: set[int], text: str) -> bool:
    """Does the service word of a literary name's brand ending at ``end`` run on into a longer word (三晋|通衢,
    齐鲁|通道, 长安|码头, 龙城|办事处: jieba's words end elsewhere), the two characters then naming something else?  A
    Latin letter after it (三晋通APP) is the head's, no word's."""
    return end not in word_ends and bool(re.match(r"[\u4e00-\u9fff]", text[end : end + 1]))


def handling_mode(text: str, start: int, end: int) -> bool:
    """Is the brand-shaped ``text[start:end]`` ending in 通办 the verb 通办 — matters of a place handled anywhere: its
    matters (温通办|事项) or the initiative a verb of doing it governs (推动|燕赵通办, bare) — rather than a brand?"""
    if not text.endswith("通办", start, end):
        return False
    return text.startswith("事项", end) or (text.endswith(_MODE_VERBS, 0, start) and text[end : end + 1] in "，。；、")
