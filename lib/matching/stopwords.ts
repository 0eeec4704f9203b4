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
