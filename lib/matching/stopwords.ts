// Stop words for key-term extraction. English: a standard function-word list plus the words
// people use to phrase a request ("what", "problems", "methods", "information") that carry no
// topic. Chinese: function words and the boilerplate of a technology need ("我们公司需要一种...").

export const EN_STOP_WORDS: ReadonlySet<string> = new Set(
  `a about above after again against all almost along already also although always am among an and
another any anybody anyone anything anywhere are aren't around as at be became because become becomes
been before being below between both but by can cannot could couldn't did didn't do does doesn't doing
don't done down during each either else enough etc even ever every few for from further get gets given
gives go had hadn't has hasn't have haven't having he her here hers herself him himself his how however
i if in into is isn't it its itself just least less let like made make many may me might more most
much must my myself neither no nor not now of off often on once one only onto or other others otherwise
our ours ourselves out over own per perhaps please put quite rather really said same say see seem seems
seen several shall she should shouldn't show shown shows since so some somehow something such than that
the their theirs them themselves then there therefore these they this those though through thus to too
far toward towards under until up upon us use used uses using very via was wasn't we well were weren't what
whatever when whenever where whereas wherever whether which while who whoever whom whose why will with
within without would wouldn't yet you your yours yourself yourselves
i.e e.g eg ie
able available anyone anybody basic basis bring certain clear consider considered considering
currently describe described desired does effect effects find found general good great help include
includes including information interested interest know known latest look looking mainly need
needed needs new obtain obtained paper papers possible practical present presently problem problems
provide provides reference references regard regarding relate related relating relevant report reports
require required requirement requirements research seek seeking solution solutions solve solved
solving specific study studies subject sufficient suitable want wanted way ways work works`
    .split(/\s+/)
    .filter(Boolean),
);

export const ZH_STOP_WORDS: ReadonlySet<string> = new Set(
  `的 了 和 与 及 或 等 在 是 为 对 以 于 中 上 下 把 被 将 从 向 由 其 之 而 并 且 也 又 就 都 还 但 如 若
这 那 此 该 各 每 某 本 我 我们 你 你们 他 他们 它 它们 公司 企业 单位 本公司 我司 需要 需求 寻求 寻找 希望
求 征集 一种 一个 一些 这种 这些 那些 有关 相关 方面 问题 进行 通过 利用 采用 基于 用于 提供 实现 具有
能够 可以 可 能 要 会 应 已 已经 目前 现在 现有 以及 及其 其他 其它 如何 怎样 什么 哪些 如下 主要 重要
研究 技术 方法 一 二 三 个 种 项 次 等等 方案 解决 解决方案 开展 提出 给出 获得 得到 结果 表明`
    .split(/\s+/)
    .filter(Boolean),
);

/**
 * Words that are never evidence that a need and a result are about the same thing, removed from
 * the QUERY side only (documents keep them, so the index needs no rebuild when this list grows):
 * request phrasing ("能否", "哪些", "论文"), everyday verbs and adjectives a manager writes around the
 * problem ("做", "大", "低", "有时候"), and collaboration boilerplate ("合作", "高校合作", "工艺").
 * Generic by design - not tuned to any benchmark item.
 */
export const ZH_QUERY_NOISE: ReadonlySet<string> = new Set(
  `做 搞 弄 干 用 让 给 有 没 没有 无 不 不是 不能 不会 不好 不够 太 很 更 最 再 才 只 还是 就是 都是 也是
大 小 多 少 高 低 好 坏 快 慢 新 老 长 短 难 容易 简单 麻烦 厉害 特别 非常 比较 一直 经常 总是 常常 往往
有时 有时候 时候 时 后 前 里 里面 外 外面 上面 下面 左右 一下 一点 一般 一样 这样 那样 这么 那么 怎么 怎么办
想 想要 想知道 想找 希望 打算 准备 看看 看 说 讲 问 找 找到 知道 了解 觉得 认为 感觉 发现 听说 听 试 试试
能否 是否 可否 能不能 是不是 有没有 哪 哪种 哪些 哪个 哪里 什么样 为什么 为何 多少 几 几个 怎样才能
论文 文献 资料 信息 情况 内容 东西 事情 办法 方式 方面 地方 问题 原因 效果 作用 影响 结果 过程 程度 水平
合作 高校 高校合作 院校 大学 专家 教授 团队 老师 帮忙 帮 帮助 支持 服务 咨询 指导 对接 合作改进 改进 改善 提高 提升 降低 减少 增加
工艺 产品 生产 厂 厂里 工厂 车间 厂家 客户 老板 工人 员工 师傅 同行 行业 市场 价格 费用 订单
必须 应该 应当 需 要求 满足 符合 适合 适用 合适 能够 可能 可以 会 得 着 过 吧 呢 吗 啊 呀 嘛 哦 啦 而且 并且 但是 可是 不过 所以 因为 如果 虽然 然后 还有 另外 其实 现在 以前 以后 今年 去年 每年 每天 一年 年 月 天
以上 以下 以内 之间 之后 之前 一次 多次 几次
我 我们 我们厂 我们公司 咱们 自己 大家 别人 人家 一家 家 这个 那个 这边 那边 这里 那里 本地 当地 周边`
    .split(/\s+/)
    .filter(Boolean),
);
