"""Build the example projects in this folder: each teaches one idea of the notes.

    .venv/bin/python resources/examples/make_examples.py

Each example is a new project for a task, trained for a fixed number of seeded steps (so the
files are the same on every machine), with a title and a short explanation in English and
Chinese under `view` for the window's gallery. Rerun after changing the engine's file format:

    .venv/bin/python resources/examples/make_examples.py [NAME ...]   # all, or only these

The first one, default_sentiment_lstm, is what the window opens with: its sentence has a
negation and an intensifier ("not very good"), which an LSTM must read in order.
"""

from __future__ import annotations

import contextlib
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[1]))

from simulator.lessons.checks.remedies import EXPLODING  # noqa: E402
from simulator.project import new_project  # noqa: E402
from simulator.tasks.sentiment import LABELS, rate  # noqa: E402

DEFAULT_SENTENCE = "the film was not very good"

EXAMPLES = [
    {
        "name": "default_sentiment_lstm",
        "task": "sentiment",
        "sets": {
            "network.cell": "lstm",
            "network.hidden_size": 16,
            "network.embedding_dim": 8,
            "task.language": "en",
        },
        "steps": 400,
        "title": {
            "en": "Start here: an LSTM reads a sentence with a negation",
            "zh": "从这里开始：LSTM 读一个带否定词的句子",
        },
        "about": {
            "en": "Five sentiment classes; 'not' flips the next rated word and 'very' "
            "strengthens it. Step through the forward pass word by word, then watch BPTT carry "
            "the loss back to the first word.",
            "zh": "五类情感；not 反转后面的情感词，very 加强它。逐词单步执行前向传播，"
            "再看随时间反向传播把损失传回第一个词。",
        },
        "input": {
            "text": DEFAULT_SENTENCE,
            "target": LABELS.index(rate(DEFAULT_SENTENCE, "en")),
        },
    },
    {
        "name": "adding_rnn",
        "task": "adding",
        "sets": {
            "network.cell": "rnn",
            "network.hidden_size": 16,
            "task.length": 100,
            "task.train_size": 5000,
            "task.test_size": 500,
        },
        "steps": 3000,
        "title": {
            "en": "Simple RNN on the adding problem (T = 100)",
            "zh": "简单循环网络：加法问题（T = 100）",
        },
        "about": {
            "en": "The first marked number must be remembered for up to 100 steps. The simple "
            "RNN's gradient shrinks like gamma^(t-k) on the way back, so after 3000 steps its "
            "test MSE is still the baseline's (always predicting the mean; `rnnsim evaluate` "
            "prints both): the long-range dependency problem. Lesson: lstm_adding.",
            "zh": "第一个标记数要记住多达100步。简单循环网络的梯度沿时间反向传播时按 gamma^(t-k) "
            "衰减，训练3000步后测试 MSE 仍等于基线（总是预测均值；rnnsim evaluate "
            "会同时打印两者）："
            "这就是长程依赖问题。课程：lstm_adding。",
        },
    },
    {
        "name": "adding_lstm",
        "task": "adding",
        "sets": {
            "network.cell": "lstm",
            "network.hidden_size": 16,
            "task.length": 100,
            "task.train_size": 5000,
            "task.test_size": 500,
        },
        "steps": 3000,
        "title": {"en": "LSTM on the adding problem (T = 100)", "zh": "LSTM：加法问题（T = 100）"},
        "about": {
            "en": "The same task as the simple RNN. The LSTM's forget gate lets its cell state "
            "carry the marked number (and the gradient) across the gap: its test MSE falls to a "
            "small fraction of the baseline.",
            "zh": "与简单循环网络相同的任务。LSTM 的遗忘门让细胞状态把标记数（以及梯度）带过很长的"
            "间隔：测试 MSE 降到基线的一小部分。",
        },
    },
    {
        "name": "adding_residual_rnn",
        "task": "adding",
        "sets": {
            "network.cell": "rnn",
            "network.residual": True,
            "network.hidden_size": 16,
            "task.length": 100,
            "task.train_size": 5000,
            "task.test_size": 500,
            "training.clip_norm": 1.0,
        },
        "steps": 0,
        "title": {
            "en": "Residual RNN: h_t = h_{t-1} + tanh(...)",
            "zh": "残差循环网络：h_t = h_{t-1} + g(x_t, h_{t-1})",
        },
        "about": {
            "en": "The notes' remedy, untrained: the recurrent edge is linear, so gamma is about "
            "1. Open the gradient-flow plot: the last step's gradient reaches all 100 steps back "
            "(the simple RNN's fades away). Yet on the adding problem it does not learn: with no "
            "gate it adds every unmarked number into its state too. Where nothing must be "
            "ignored it does learn: see digit_memory_residual_rnn.",
            "zh": "笔记中的改进方法（未训练）：循环边为线性依赖，gamma 约为 1。打开梯度流图："
            "最后一步的梯度能传回全部100步（简单循环网络的梯度会消失）。但它在加法问题上学不会："
            "没有门，它把每个未标记的数也加进了状态。在不需要忽略输入的任务上它能学会："
            "见 digit_memory_residual_rnn。",
        },
    },
    {
        "name": "exploding_rnn_clipping",
        "task": "adding",
        "sets": {**EXPLODING, "training.clip_norm": 1.0},  # the lesson's network, clipped
        "steps": 0,
        "title": {"en": "Gradient clipping tames an exploding RNN", "zh": "梯度截断：驯服梯度爆炸"},
        "about": {
            "en": "A ReLU RNN whose recurrent matrix starts with sigma_max(U) = 4 (set in the "
            "network, so drawing new weights keeps it): gradients grow on the way back. Train "
            "with training.clip_norm = 0 and the loss explodes within a few steps; with "
            "clip_norm = 1 the same run learns. Lesson: exploding.",
            "zh": "ReLU 循环网络，循环矩阵初始最大奇异值 sigma_max(U) = 4（写在网络设置里，重新抽取"
            "权重也保留）：梯度越往回越大。把 training.clip_norm 设为 0 训练，损失几步内就爆炸；"
            "clip_norm = 1 时同样的训练能学会。课程：exploding。",
        },
    },
    {
        "name": "copy_gru",
        "task": "copy",
        "sets": {"network.cell": "gru", "network.hidden_size": 24},
        "steps": 800,
        "title": {"en": "GRU: delayed recall", "zh": "GRU：延迟回忆"},
        "about": {
            "en": "Output the symbol seen 3 steps earlier. Watch the update gate z decide how "
            "much of the past state to carry on, and the reset gate r what to forget.",
            "zh": "输出3步之前看到的符号。观察更新门 z 决定保留多少过去的状态，"
            "重置门 r 决定丢弃什么。",
        },
    },
    {
        "name": "copy_tdnn",
        "task": "copy",
        "sets": {
            "network.cell": "tdnn",
            "network.delay": 3,
            "network.hidden_size": 24,
            "network.activation": "tanh",
        },
        "steps": 800,
        "title": {"en": "Time-delay network: memory as a window", "zh": "延时神经网络：用窗口记忆"},
        "about": {
            "en": "The network before recurrence: h_t = f(sum_k W_k x_{t-k}). With delay 3 it "
            "can recall 3 steps back, and never further: there is no recurrent edge.",
            "zh": "循环网络之前的延时神经网络：h_t = f(sum_k W_k x_{t-k})。延时为3时能回忆3步以前，"
            "但不能更远：它没有循环边。",
        },
    },
    {
        "name": "digit_parity_gru",
        "task": "digit_sum",
        "sets": {
            "network.cell": "gru",
            "network.hidden_size": 16,
            "task.min_length": 2,
            "task.max_length": 8,
            "training.learning_rate": 0.02,
        },
        "steps": 1500,
        "title": {
            "en": "Sequence to class: parity of a digit string",
            "zh": "序列到类别：数字串之和的奇偶",
        },
        "about": {
            "en": "One label for the whole sequence, read from the last hidden state. The state "
            "must flip with every odd digit.",
            "zh": "整个序列一个标签，由最后一个隐藏状态给出。每遇到一个奇数，状态就要翻转一次。",
        },
    },
    {
        "name": "digit_memory_rnn",
        "task": "digit_memory",
        "sets": {"network.cell": "rnn", "network.hidden_size": 32, "task.length": 20},
        "steps": 1500,
        "title": {
            "en": "Digit memory: a simple RNN forgets the first two digits",
            "zh": "数字记忆：简单循环网络记不住前两个数字",
        },
        "about": {
            "en": "The label is the sum of the first two digits; the 18 digits after them are "
            "distractors. Trained 1500 steps, the simple RNN is still near chance: the gradient "
            "from the label fades before it reaches the first digits. Lessons: "
            "vanishing_residual, sequence_to_class.",
            "zh": "标签是前两个数字之和，其后的18个数字都是干扰项。训练1500步后，简单循环网络仍在"
            "随机水平附近：从标签传回的梯度还没到前两个数字就消失了。课程：vanishing_residual、"
            "sequence_to_class。",
        },
    },
    {
        "name": "digit_memory_residual_rnn",
        "task": "digit_memory",
        "sets": {
            "network.cell": "rnn",
            "network.residual": True,
            "network.hidden_size": 32,
            "task.length": 20,
        },
        "steps": 1500,
        "title": {
            "en": "Digit memory: the residual RNN carries the digits across",
            "zh": "数字记忆：残差循环网络把数字带过去",
        },
        "about": {
            "en": "h_t = h_{t-1} + tanh(U h_{t-1} + W x_t + b): the state and its gradient pass "
            "each step unchanged plus a correction, so the first two digits survive the 18 "
            "distractors. The same training as digit_memory_rnn learns the task.",
            "zh": "h_t = h_{t-1} + tanh(U h_{t-1} + W x_t + b)：状态和梯度每一步原样传过，再加一个"
            "修正，所以前两个数字能跨过18个干扰数字。与 digit_memory_rnn 同样的训练就能学会。",
        },
    },
    {
        "name": "digit_memory_lstm",
        "task": "digit_memory",
        "sets": {"network.cell": "lstm", "network.hidden_size": 32, "task.length": 10},
        "steps": 1200,
        "title": {
            "en": "Digit memory: an LSTM holds the first two digits",
            "zh": "数字记忆：LSTM 记住前两个数字",
        },
        "about": {
            "en": "The nndl book's experiment: the sum of the first two digits, every later digit "
            "a distractor. Step through and watch the input gate open on the first two digits "
            "and the forget gate keep them. Lesson lstm_memory sweeps the length for rnn, gru "
            "and lstm.",
            "zh": "nndl 书中的实验：输出前两个数字之和，其后都是干扰数字。单步执行，看输入门"
            "在前两个数字处打开、遗忘门把它们保留下来。课程 lstm_memory 对 rnn、gru、lstm "
            "扫描长度。",
        },
    },
    {
        "name": "sentiment_en_lstm",
        "task": "sentiment",
        "sets": {"network.cell": "lstm", "network.hidden_size": 16, "task.language": "en"},
        "steps": 800,
        "title": {"en": "LSTM sentiment with negation", "zh": "LSTM 情感分类（否定与程度词）"},
        "about": {
            "en": "Five sentiment classes for short English sentences: 'not' flips a word, "
            "'very' strengthens it. The class is read from the last hidden state.",
            "zh": "英文短句的五类情感：not 把词的情感反转，very 加强它。"
            "类别由最后一个隐藏状态给出。",
        },
    },
    {
        "name": "sentiment_zh_bigru_mean",
        "task": "sentiment",
        "sets": {
            "network.cell": "gru",
            "network.bidirectional": True,
            "network.hidden_size": 16,
            "network.pooling": "mean",
            "task.language": "zh",
        },
        "steps": 800,
        "title": {
            "en": "Bidirectional GRU, mean pooling (Chinese)",
            "zh": "双向 GRU + 按时间平均（中文情感）",
        },
        "about": {
            "en": "Both directions read the sentence; the output layer reads the average of "
            "the hidden states over time (the notes' average pooling).",
            "zh": "两个方向都读整个句子；输出层读取各时刻隐藏状态的平均（笔记中的平均采样）。",
        },
    },
    {
        "name": "segmentation_bilstm",
        "task": "segmentation",
        "sets": {"network.cell": "lstm", "network.bidirectional": True, "network.hidden_size": 24},
        "steps": 800,
        "title": {
            "en": "BiLSTM Chinese word segmentation (B/M/E/S)",
            "zh": "双向 LSTM 中文分词（B/M/E/S）",
        },
        "about": {
            "en": "Synchronous sequence to sequence: one tag per character. A character's tag "
            "depends on what follows, which the reverse direction provides.",
            "zh": "同步的序列到序列：每个字一个标签。一个字的标签取决于后面的字，"
            "由反向的一层提供。",
        },
    },
    {
        "name": "pos_tags_bigru",
        "task": "tagged_file",
        "sets": {
            "task.path": "../data/sample_pos_tagged.tsv",
            "network.cell": "gru",
            "network.bidirectional": True,
            "network.hidden_size": 16,
        },
        "steps": 300,
        "title": {
            "en": "Your own tagged file: part-of-speech tags with a BiGRU",
            "zh": "自己的标注文件：双向 GRU 词性标注",
        },
        "about": {
            "en": "Synchronous sequence to sequence on sample_pos_tagged.tsv (token<TAB>tag per "
            "line, a blank line between sentences). 'fish', 'cook', 'watch' and 'book' are nouns "
            "after 'the' and verbs after 'they'; 'light' and 'fast' are adjectives before a "
            "noun. The word alone cannot decide: the hidden states of both directions bring the "
            "context. Set task.path to your own file to tag anything else.",
            "zh": "同步的序列到序列，数据为 sample_pos_tagged.tsv（每行 词<TAB>标签，句与句之间"
            "空一行）。fish、cook、watch、book 在 the 之后是名词，在 they 之后是动词；light 和 "
            "fast 在名词前是形容词。单看词本身无法判断：两个方向的隐状态带来了上下文。把 "
            "task.path 换成自己的文件，就能标注别的数据。",
        },
    },
    {
        "name": "topics_lstm_mean",
        "task": "labelled_file",
        "sets": {
            "task.path": "../data/sample_topics_labelled.tsv",
            "network.cell": "lstm",
            "network.hidden_size": 16,
            "network.pooling": "mean",
        },
        "steps": 400,
        "title": {
            "en": "Your own labelled sentences: topics by mean pooling",
            "zh": "自己的带标签句子：按时间平均的主题分类",
        },
        "about": {
            "en": "Sequence to class on sample_topics_labelled.tsv (label<TAB>text per line): "
            "sports, weather, food or music, in English and Chinese. The deciding word can be "
            "anywhere ('played' is sports before 'football', music before 'the piano'), so the "
            "output layer reads the average of the hidden states over time, not only the last "
            "one. The file is split at spaces, so its Chinese is written word by word.",
            "zh": "序列到类别，数据为 sample_topics_labelled.tsv（每行 标签<TAB>文本）：体育、"
            "天气、食物或音乐，中英文都有。决定主题的词可以在句中任何位置（打 篮球 是体育，"
            "打 鼓 是音乐），所以输出层读取各时刻隐状态的平均（平均采样），而不只是最后一个。"
            "文件按空格切分，所以其中的中文已按词用空格隔开。",
        },
    },
    {
        "name": "char_lm_stacked_lstm",
        "task": "char_lm",
        "sets": {
            "network.cell": "lstm",
            "network.num_layers": 2,
            "network.hidden_size": 32,
            "network.embedding_dim": 16,
        },
        "steps": 800,
        "title": {"en": "Stacked LSTM character language model", "zh": "堆叠 LSTM 字符语言模型"},
        "about": {
            "en": "Two LSTM layers predict the next character. Try `rnnsim sample` with a "
            "prompt and a temperature.",
            "zh": "两层 LSTM 预测下一个字符。可以用 rnnsim sample 加上提示和温度来生成文本。",
        },
    },
    {
        "name": "reverse_attention",
        "task": "reverse",
        "sets": {"network.attention": "additive", "network.context": "output"},
        "steps": 600,
        "title": {
            "en": "Encoder-decoder with attention: reversing",
            "zh": "编码器-解码器与注意力：序列反转",
        },
        "about": {
            "en": "Asynchronous sequence to sequence. At each output step the attention "
            "distribution alpha = softmax(s(x_n, q)) picks the source position to copy: after "
            "training the weights form the anti-diagonal.",
            "zh": "异步的序列到序列。每个输出步的注意力分布 alpha = softmax(s(x_n, q)) "
            "选出要复制的源位置：训练后权重形成反对角线。",
        },
    },
    {
        "name": "dates_input_feeding",
        "task": "dates",
        "sets": {
            "network.encoder_cell": "gru",
            "network.decoder_cell": "gru",
            "network.bidirectional": True,
            "network.context": "input",
            "network.attention": "scaled_dot",
            "network.decoder_hidden_size": 32,
        },
        "steps": 800,
        "title": {
            "en": "Rewriting dates: bidirectional encoder, input feeding",
            "zh": "日期改写：双向编码器与输入反馈",
        },
        "about": {
            "en": "Like machine translation: 2026-11-26 becomes 二〇二六年十一月二十六日. The "
            "context c_t enters the decoder's input (Bahdanau); the score is the scaled dot "
            "product x^T q / sqrt(d).",
            "zh": "类似机器翻译：把 2026-11-26 改写成 二〇二六年十一月二十六日。上下文 c_t "
            "进入解码器的输入（Bahdanau）；打分函数为缩放点积 x^T q / sqrt(d)。",
        },
    },
    {
        "name": "numbers_lstm_bilinear",
        "task": "numbers",
        "sets": {
            "network.encoder_cell": "lstm",
            "network.decoder_cell": "lstm",
            "network.attention": "bilinear",
        },
        "steps": 1000,
        "title": {
            "en": "Number words to Chinese numerals: bilinear attention",
            "zh": "数词翻译：双线性注意力",
        },
        "about": {
            "en": "three thousand four hundred five becomes 三千四百零五. The two sides group a "
            "number differently: one word (forty-two) becomes several characters (四十二), and "
            "零 has no source word at all. The bilinear score s(x, q) = x^T W q learns which "
            "word each character reads: look at the attention distribution of a number with a "
            "zero.",
            "zh": "把 three thousand four hundred five 译成 三千四百零五。两边对数的分组不同："
            "一个英文词（forty-two）对应几个汉字（四十二），而“零”在源句中根本没有对应的词。"
            "双线性模型的打分函数 s(x, q) = x^T W q 学会每个汉字该看哪个词：看看带零的数的"
            "注意力分布。",
        },
    },
    {
        "name": "phrases_en_zh_attention",
        "task": "parallel_file",
        "sets": {"task.path": "../data/sample_en_zh_parallel.tsv", "network.attention": "additive"},
        "steps": 800,
        "title": {
            "en": "Your own parallel text: English to Chinese with attention",
            "zh": "自己的平行语料：带注意力的英译中",
        },
        "about": {
            "en": "Machine translation on sample_en_zh_parallel.tsv (source<TAB>target per "
            "line): English is read word by word, Chinese written character by character. The "
            "orders differ: in 'three red books' the measure word 本 depends on the last English "
            "word, and 'the cat is on the table' becomes 猫在桌子上 with 上 at the end. Watch "
            "the attention distribution jump ahead and back.",
            "zh": "在 sample_en_zh_parallel.tsv（每行 源句<TAB>目标句）上做机器翻译：英文按词"
            "读入，中文按字输出。两种语言的语序不同：three red books 中的量词“本”取决于最后"
            "一个英文词，the cat is on the table 译成 猫在桌子上，“上”在句末。看注意力分布"
            "如何向前跳、再跳回来。",
        },
    },
    {
        "name": "tree_sentiment_rvnn",
        "task": "tree_sentiment",
        "sets": {
            "network.model": "rvnn",
            "network.dim": 4,
            "task.train_size": 100,
            "task.test_size": 500,
        },
        "steps": 600,
        "title": {"en": "Recursive network over parse trees", "zh": "递归神经网络：句法树上的情感"},
        "about": {
            "en": "p = f(W [c1; c2] + b) composes each phrase from its two children, bottom "
            "up, with one W shared by every node; a softmax labels every phrase. Dimension 4 and "
            "100 training trees: the size at which negation is hard for it (lesson negation; "
            "`rnnsim evaluate` prints the accuracy on negated phrases).",
            "zh": "p = f(W [c1; c2] + b) 自底向上由两个子节点组合出短语表示，所有节点共享同一个 "
            "W；每个短语都有一个 softmax 分类。维度 4、100 棵训练树：在这个规模下否定对它很难"
            "（课程 negation；rnnsim evaluate 会打印否定短语上的准确率）。",
        },
    },
    {
        "name": "tree_sentiment_rntn",
        "task": "tree_sentiment",
        "sets": {
            "network.model": "rntn",
            "network.dim": 4,
            "task.train_size": 100,
            "task.test_size": 500,
        },
        "steps": 600,
        "title": {"en": "Recursive neural tensor network", "zh": "递归神经张量网络"},
        "about": {
            "en": "p = f([b; c]^T V [b; c] + W [b; c]): the tensor term lets a word like 'not' "
            "change how its neighbour is composed, which negation needs. Same size as "
            "tree_sentiment_rvnn (dimension 4, 100 training trees) for comparison.",
            "zh": "p = f([b; c]^T V [b; c] + W [b; c])：张量项让“不”这样的词改变其相邻短语的组合"
            "方式，这正是否定所需要的。与 tree_sentiment_rvnn 同样大小（维度 4、100 棵训练树），"
            "便于比较。",
        },
    },
    {
        "name": "tree_file_mvrnn",
        "task": "tree_file",
        "sets": {
            "task.path": "../data/sample_trees.txt",
            "task.test_path": "../data/sample_trees_test.txt",
            "network.model": "mv-rnn",
            "network.dim": 8,
        },
        "steps": 600,
        "title": {
            "en": "Your own treebank: a matrix-vector RNN",
            "zh": "自己的树库：矩阵-向量递归神经网络",
        },
        "about": {
            "en": "A recursive network on sample_trees.txt: one SST-style tree per line, a "
            "sentiment label 0-4 on every node; the test trees are sample_trees_test.txt "
            "(task.test_path). Every word is a vector and a matrix, so 'not' and 'very' act on "
            "the phrase they join: 'not good' is 1, 'not very good' 2. In 'X but Y' the clause "
            "after 'but' decides the sentence.",
            "zh": "在 sample_trees.txt 上训练的递归神经网络：每行一棵 SST 格式的句法树，每个结点"
            "都有 0-4 的情感标签；测试树是 sample_trees_test.txt（task.test_path）。每个词既是"
            "向量又是矩阵，所以 not 和 very 作用于与它们组合的短语：not good 是 1，not very "
            "good 是 2。在 X but Y 中，由 but 之后的分句决定整句的情感。",
        },
    },
]


def build(example: dict) -> None:
    # A relative task.path ("../data/...") is read beside the project file, so it is written
    # relative to this folder: the project is made from here and then reads its data from here.
    with contextlib.chdir(HERE):
        project = new_project(example["task"], {"training.eval_every": 100, **example["sets"]})
    project.folder = HERE
    project.view = {"title": example["title"], "about": example["about"]}
    if "input" in example:  # the example the window shows first
        project.view["input"] = example["input"]
    network, task = project.make_network(), project.make_task()
    trainer = project.make_trainer(network, task)
    result = trainer.train(example["steps"])
    project.capture(trainer)
    project.save(HERE / f"{example['name']}.rnnsim.json")
    score = trainer.evaluate()
    extra = "".join(f"  {k} {v:.4g}" for k, v in score.items() if k not in ("loss", "accuracy"))
    print(
        f"{example['name']:<26} {result.reason:<8} step {trainer.step:>5}  "
        f"test loss {score['loss']:.4f}  accuracy {score['accuracy']:.3f}{extra}"
    )


if __name__ == "__main__":
    wanted = set(sys.argv[1:])
    for example in EXAMPLES:
        if not wanted or example["name"] in wanted:
            build(example)
