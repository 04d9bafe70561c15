"""Reading rules for text nobody reviewed: general constructions pypinyin reads word by word and gets wrong.

The shipped report's pronunciation record fixes these as single words (为抓手 wéi, 紧密地 de); a document the
reader brings has no record, so the same knowledge is kept here as rules over the context:

- 以…为… "take … as …" and the copular 为 after 成/评/列/调整… : 为 wéi (以人民为中心, 被评为, 调整为), never
  the 为 of purpose (为了, 因为, 为人民服务, 以实际行动为群众办实事: wèi).
- 地 and 得 as structural particles: de after an adverbial (认真地, 慢慢地, 创造性地) and between a verb or
  adjective and its complement (跑得快, 做得好); not in 土地, 地方, 取得, 获得, 得到 or the 得 of "must".
- 个 as a measure word: pypinyin already reads it as the report's record does (gè after numerals and 每/某/整/
  首, ge after 这/那/哪); only the spoken 今儿个, 明儿个, 昨儿个 and 些个 (现汉 ·ge) it reads gè.
- Names: a surname's own reading in name position (镇长单志强, 曾书记, 解主任: Shàn, Zēng, Xiè), and place
  names pypinyin misreads (麻涌 Máchōng, 塘厦 Tángxià, 漯河 Luòhé).

Rules only change what pypinyin said; the annotator applies the record and the reader's corrections after them,
so neither is ever overridden. Readings are canonical tone-number syllables (pinyin.py).
"""

from __future__ import annotations

import re
from collections.abc import Callable

RULES_VERSION = 2  # part of the readings cache's fingerprint: bump when a rule changes what it reads

Readings = list[str | None]


def _words(spaced: str) -> tuple[str, ...]:
    return tuple(spaced.split())


_BREAKS = set("，。；：！？、,.;:!?（）()《》“”\"'「」『』【】[] \u3000\n\t")


def apply_reading_rules(text: str, readings: Readings) -> Readings:
    """``readings`` (pypinyin's, one per character of ``text``) with the rules applied; a new list."""
    out = list(readings)
    if len(out) != len(text):
        return out
    for rule in _RULES:
        rule(text, out)
    return out


# -- 为 wéi ---------------------------------------------------------------------------------------------------
# 以 as the first half of 以…为… is a preposition; in these words it is something else.
_YI_WORDS_BEFORE = set("所可得加予难足用借据是何无赖藉")  # 所以 可以 得以 加以 予以 难以 足以 …
_YI_WORDS_AFTER = set("便免及上下来后前外内至致期为往求防供资示利")  # 以便 以免 以及 以上 … 以为
# What 以…为 takes a thing as: 为 is wéi before these whatever follows them.
_ROLES = _words(
    "中心 主 重点 抓手 核心 导向 目标 基础 依托 载体 契机 引领 动力 主线 主体 根本 宗旨 原则 标准 准 例 本 先 "
    "己任 牵引 突破口 支撑 保障 指导 指引 纲 方向 切入点 着力点 落脚点 出发点 立足点 平台 纽带 桥梁 龙头 示范 "
    "样板 榜样 镜 鉴 戒 荣 耻 重 要务 首 主轴 主题 手段 途径 路径 前提 关键 支点 引擎 驱动 主攻 重心 先导 根基 "
    "基石 主阵地 阵地 主战场 单位 单元 依据 参照 遵循 准绳 主导 统领 代价 补充 辅 上 佳 宜 限 界 期 止 由"
)
# 为 of purpose: for someone, to do something (为群众办实事, 为企业提供服务).
_FOR_WORDS = _words(
    "服务 提供 办 创造 营造 保驾护航 谋 造福 排忧 解难 解决 作出 做出 贡献 打造 助力 护航 减负 纾困 争取 "
    "开辟 搭建 铺路 奠定 注入 赋能 加油 点赞 担当 实现 推动 推进 建设 发展"
)
# The 为 of "to be, to become" after these (评为 列为 调整为 总面积为 …): wéi.
_COPULA_AFTER = _words(
    "评 列 选 改 转 变 成 认 称 视 分 划 誉 奉 化 译 聘 拟 判 降 升 归 设 编 约 均 率 积 额 值 合并 调整 升级 改造 "
    "命名 更名 确定 认定 规定 核定 评定 划定 扩大 缩小 总计 合计 共计 目标 年度 总量 数量 规模 长度 高度 标准 增速 "
    "增幅 比例 占比 总额 总数 名称 主题 地址 量"
)
# After 为, these make it the 为 of purpose (为了, 为民, 为企业 …).
_COPULA_NOT_BEFORE = _words("了 民 人民 群众 企业 百姓 社会 国家 大家 你 我 他 她 它 此 之 全镇 全市 广大 老人 居民 村民")


def _wei(text: str, out: Readings) -> None:
    for i, char in _occurrences(text, "为"):
        reading = out[i]
        if char != "为" or reading is None or not reading.startswith("wei"):
            continue
        after = text[i + 1:]
        if _yi_wei_clause(text, i):
            if after.startswith(_FOR_WORDS) or _purpose_follows(after):
                out[i] = "wei4"
            else:
                out[i] = "wei2"
        elif i > 1 and text[i - 1] == "以" and text[i - 2] in "可所":
            out[i] = "wei4"  # 可以为, 所以为: 以 belongs to the word before, pypinyin's phrase 以为 took it
        elif text[i + 1:i + 3] == "人民" and not (i > 0 and text[i - 1] in "成作认称视"):
            out[i] = "wei4"  # 为人民服务: pypinyin's phrase 为人 (wéirén, "conduct oneself") took it
        elif text.endswith(_COPULA_AFTER, 0, i) and not after.startswith(_COPULA_NOT_BEFORE):
            out[i] = "wei2"


_CLAUSE_GOES_ON = set("、“”‘’「」『』《》\"'")


def _yi_wei_clause(text: str, at: int) -> bool:
    """Whether the 为 at ``at`` closes a 以…为… clause: a preposition 以 before it in the same clause, with
    something (the thing taken) between them."""
    j = at - 2
    while j >= 0 and at - j <= 24:
        char = text[j]
        # 以企业为主体、市场为导向: the list shares its 以; 以“微改造”为切入点: quotes hold the thing taken.
        if char in _BREAKS and char not in _CLAUSE_GOES_ON:
            return False
        if char == "以":
            before = text[j - 1] if j > 0 else ""
            return before not in _YI_WORDS_BEFORE and text[j + 1] not in _YI_WORDS_AFTER
        j -= 1
    return False


def _purpose_follows(after: str) -> bool:
    """以X为 followed by someone and then something done for them (以实际行动为群众办实事): the 为 of purpose.
    The role taken (为中心, 为抓手) is short and ends the phrase, or is one of _ROLES."""
    if after.startswith(_ROLES):
        return False
    clause = ""
    for char in after:
        if char in _BREAKS or char == "的":
            break
        clause += char
    if len(clause) <= 4:
        return False
    return any(word in clause[1:] for word in _FOR_WORDS)


# -- 地 de -----------------------------------------------------------------------------------------------------
# Words that begin with 地 as "ground, place": after them 地 is dì whatever comes before.
_DI_NOUNS = _words(
    "区 方 位 铁 块 面 下 上 产 标 域 质 震 球 理 图 段 价 税 址 点 带 形 貌 势 表 基 皮 毯 板 道 级 市 委 头 名 "
    "热 膜 力 权 租 籍 类 灾 缘 勘 处 层 下水 步 盘 界 主 摊 段 平线 心 中 里 底 雷 震 脉 宫 铺 窖 瓜 摊 契"
)
# Adverbials that take 地 before the verb they qualify (积极地推进, 认真地学习).
_ADVERBIALS = _words(
    "积极 认真 扎实 有序 稳步 持续 深入 全面 有效 大力 切实 充分 主动 自觉 坚定 深刻 科学 合理 精准 高效 有力 "
    "广泛 逐步 系统 统筹 不断 紧密 密切 严格 彻底 明显 显著 迅速 快速 坚决 热情 耐心 细致 仔细 努力 勇敢 顺利 "
    "圆满 妥善 稳妥 及时 准确 清楚 清醒 客观 公正 公平 真正 真实 真诚 逐渐 悄悄 静静 默默 轻轻 深深 好好 大幅 "
    "依法 有机 无私 忘我 尽心 全力 和谐 平稳 健康 协调 均衡 长期 历史 规范 精心 用心 真心 热心 虚心 认真细致 "
    "高质量 创造性 前瞻性 针对性 建设性 系统性 整体性 根本性 突破性 历史性 开创性 决定性 全方位 多方面 更好 "
    "更加 很好 较好 最大限度 有计划 有步骤 有重点 有组织 实实在在 踏踏实实 扎扎实实 一步步 一点点 不折不扣 "
    "坚持不懈 持之以恒 卓有成效 实事求是 因地制宜 创新 灵活 独立 自主 集中 分别 单独 共同 广泛深入 高兴 愉快 "
    "幸福 骄傲 自豪 激动 兴奋 勤勤恳恳 兢兢业业 大胆 放心 安全 绿色 高标准 稳定 有针对性 有意识 无条件"
)
_ADVERBIAL_ENDS = set("性化")  # 创造性地, 常态化地: an adjective made of a noun


def _di(text: str, out: Readings) -> None:
    for i, char in _occurrences(text, "地"):
        if char != "地" or out[i] != "di4" or i == 0:
            continue
        after = text[i + 1:]
        if after.startswith(_DI_NOUNS):
            continue
        made_adverbial = text[i - 1] in _ADVERBIAL_ENDS and _han(text, i - 2)
        adverbial = text.endswith(_ADVERBIALS, 0, i) and _han(text, i + 1)
        if _reduplicated_before(text, i) or made_adverbial or adverbial:
            out[i] = "de5"


def _reduplicated_before(text: str, at: int) -> bool:
    """慢慢地, 高高兴兴地, 一步一步地: AA, AABB or ABAB just before ``at``."""
    if at >= 2 and text[at - 1] == text[at - 2] and _han(text, at - 1) and text[at - 1] not in "各":
        return True
    return at >= 4 and text[at - 4:at - 2] == text[at - 2:at] and _han(text, at - 1)


# -- 得 de -----------------------------------------------------------------------------------------------------
# 得 dé, "obtain", after these (取得 获得 赢得 …) and before these (得到 得以 得益 …).
_DE_OBTAIN_AFTER = set("取获赢求博难心所不应习谋换夺购查测录募筹争搏斩记懂值觉晓显使免省舍巴见")
_DE_OBTAIN_BEFORE = _words(
    "到 以 益 分 力 失 当 天独厚 民心 心应手 体 奖 主 票 知 出 罪 利 意 手 逞 救 病 宠 势 逞 过且过 人心 道 胜 "
    "标 名 悉"
)
# Before 得 these make it děi ("must": 我们得去) or are not a verb or adjective it could complement.
_NOT_COMPLEMENTED = set("我你他她它们谁就还也都总必须非只又")


def _de(text: str, out: Readings) -> None:
    for i, char in _occurrences(text, "得"):
        if char != "得" or out[i] != "de2" or i == 0 or not _han(text, i - 1):
            continue
        if text[i - 1] in _DE_OBTAIN_AFTER or text[i - 1] in _NOT_COMPLEMENTED:
            continue
        if text.startswith(_DE_OBTAIN_BEFORE, i + 1):
            continue
        out[i] = "de5"


# -- 个 ge -----------------------------------------------------------------------------------------------------
def _ge(text: str, out: Readings) -> None:
    for i, char in _occurrences(text, "个"):
        if char == "个" and out[i] == "ge4" and i > 0 and (text[i - 1] == "些" or text[i - 2:i] in _GE_NEUTRAL_AFTER):
            out[i] = "ge5"


_GE_NEUTRAL_AFTER = ("今儿", "明儿", "昨儿", "前儿", "后儿")


# -- names -----------------------------------------------------------------------------------------------------
SURNAMES = {
    "单": "shan4", "曾": "zeng1", "解": "xie4", "仇": "qiu2", "查": "zha1", "区": "ou1", "朴": "piao2",
    "盖": "ge3", "缪": "miao4", "覃": "qin2", "召": "shao4", "翟": "zhai2", "繁": "po2", "员": "yun4",
    "秘": "bi4", "燕": "yan1", "尉": "wei4", "句": "gou1", "宓": "fu2", "隗": "wei3", "祭": "zhai4",
    "阚": "kan4", "折": "she2", "柏": "bai3", "薄": "bo2",
}  # surnames that are also common words in another reading (任, 华, 乐, 种 …) are left out: too often words
_SURNAME_CHARS = "".join(SURNAMES)
# A person's title: a name stands right before or after it (镇长单志强, 曾书记, 解红主任, 仇伟同志).
_TITLES = _words(
    "镇长 副镇长 书记 副书记 主任 副主任 同志 县长 副县长 市长 副市长 区长 副区长 省长 局长 副局长 处长 科长 所长 "
    "院长 校长 主席 委员 部长 厅长 经理 总经理 董事长 总裁 先生 女士 老师 教授 医生 村长 支书 组长 队长 站长 "
    "行长 会长 秘书长 社长 馆长 主编 记者 警官 法官 律师 博士 师傅 阿姨 总监 总工 专员 主委 理事长 常委 代表"
)
# Words that begin with a surname character: where one follows a title it is not a name (书记曾经说, 主任解决).
_SURNAME_WORDS = _words(
    "单位 单独 单一 单元 单项 单纯 单个 单价 单据 单列 单兵 单车 单身 单向 单次 单方 单体 单位 单亲 单品 "
    "曾经 曾是 曾多次 曾在 曾获 曾任 曾被 曾为 曾有 曾于 曾对 曾与 曾参与 曾作 曾先后 曾两次 曾三次 "
    "解决 解放 解答 解读 解除 解释 解析 解难 解困 解题 解说 解锁 解封 解体 解散 解冻 解约 解密 解码 解忧 解开 "
    "仇恨 仇视 查处 查看 查询 查找 查明 查验 查封 查办 查获 查阅 查清 查摆 查实 查补 查漏 查纠 查改 查访 查体 "
    "区域 区别 区分 区级 区委 区政府 区县 区内 区间 区位 区块 区镇 区属 区直 区划 区长 朴素 朴实 盖章 盖上 "
    "盖房 盖好 召开 召集 召回 召唤 种植 种子 种类 种养 种粮 种地 种树 纪律 纪念 纪委 纪检 纪实 纪录 任务 任何 "
    "任期 任职 任命 任用 任免 任重 任性 任意 华人 华侨 华夏 华南 华北 华东 华为 华丽 乐于 乐观 乐意 乐园 乐趣 "
    "能力 能够 能源 能否 能在 能把 能有 过程 过去 过年 过度 过于 过渡 过往 过硬 万元 万人 万亩 万户 万家 万名 "
    "相关 相互 相应 相结合 相比 相对 相继 相当 相同 柏油 薄弱 折合 燕子 员工 秘书 句子"
)
_NAME_ENDS = set("，。；：！？、（）()　 ")  # a name after a title ends at punctuation or a space …
_NAME_ENDS_WORDS = _words(
    "同志 说 表示 指出 强调 介绍 带队 主持 出席 参加 一行 在 到 率 陪同 讲话 作 对 向 等 和 与 及 也 还 就 "
    "深入 前往 走访 调研 会见 接见 看望 慰问 宣布 要求 希望 代表 宣读 发言 致辞 汇报 通报 传达 部署 带领 检查 "
    "当选 任 参加 出席 主持 获 被 是 的"
)


def _names(text: str, out: Readings) -> None:
    for i, char in _occurrences(text, _SURNAME_CHARS):
        reading = SURNAMES.get(char)
        if reading is None or out[i] is None or out[i] == reading:
            continue
        if text.startswith(_SURNAME_WORDS, i):
            continue
        if _after_title(text, i) or _before_title(text, i):
            out[i] = reading


def _after_title(text: str, at: int) -> bool:
    """镇长单志强: a title, maybe a space, then a name of two or three characters that ends there."""
    start = at
    while start > 0 and text[start - 1] in " \u3000·":
        start -= 1
    if not text.endswith(_TITLES, 0, start):
        return False
    return any(_name_ends(text, at + length) for length in (2, 3))


def _before_title(text: str, at: int) -> bool:
    """曾书记, 解红主任, 单志强同志: a surname, maybe a given name, then a title; not inside a word before it."""
    if at > 0 and _han(text, at - 1) and text[at - 1] not in "、和与及同":
        return False  # 检查主任, 社区书记: the character belongs to the word before
    return any(text.startswith(_TITLES, at + length) for length in (1, 2, 3))


def _name_ends(text: str, end: int) -> bool:
    if end > len(text):
        return False
    if end == len(text) or text[end] in _NAME_ENDS:
        return True
    return text.startswith(_NAME_ENDS_WORDS, end) or text.startswith(_TITLES, end)


# Places pypinyin reads by the character's common reading: (name, readings) found as a word in the text.
PLACES = {
    "麻涌": ("ma2", "chong1"), "塘厦": ("tang2", "xia4"), "单县": ("shan4", "xian4"), "洪洞": ("hong2", "tong2"),
    "涡阳": ("guo1", "yang2"), "会稽": ("kuai4", "ji1"), "浚县": ("xun4", "xian4"), "筠连": ("jun1", "lian2"),
    "天台县": ("tian1", "tai1", "xian4"), "天台山": ("tian1", "tai1", "shan1"), "六合区": ("lu4", "he2", "qu1"),
    "六合县": ("lu4", "he2", "xian4"), "繁峙": ("fan2", "shi4"), "漯河": ("luo4", "he2"), "乐陵": ("lao4", "ling2"),
    "东涌": ("dong1", "chong1"), "河涌": ("he2", "chong1"),
}
# 涌 chōng, the Cantonese "stream", in Guangdong place names: a 涌 before these is a place (沙涌村, 涌口).
_CHONG_PLACE_AFTER = set("村镇口尾头边围社街路桥")


def _places(text: str, out: Readings) -> None:
    for name, readings in PLACES.items():
        start = text.find(name)
        while start != -1:
            for k, reading in enumerate(readings):
                if out[start + k] is not None:
                    out[start + k] = reading
            start = text.find(name, start + len(name))
    for i, char in _occurrences(text, "涌"):
        if char == "涌" and out[i] == "yong3" and text[i + 1:i + 2] and text[i + 1:i + 2] in _CHONG_PLACE_AFTER:
            out[i] = "chong1"


def _occurrences(text: str, chars: str) -> list[tuple[int, str]]:
    """(offset, character) of each of ``chars`` in ``text``: the rules look at those alone (a loop over every
    character in Python cost a seventh of pypinyin's time)."""
    pattern = _PATTERNS.get(chars)
    if pattern is None:
        pattern = _PATTERNS[chars] = re.compile("[" + re.escape(chars) + "]")
    return [(m.start(), m.group()) for m in pattern.finditer(text)]


_PATTERNS: dict[str, re.Pattern[str]] = {}


def _han(text: str, at: int) -> bool:
    return 0 <= at < len(text) and "\u3400" <= text[at] <= "\u9fff"


_RULES: tuple[Callable[[str, Readings], None], ...] = (_wei, _di, _de, _ge, _names, _places)
