<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>AttentionHeatmap</name>
    <message>
        <source>weights α_tn</source>
        <translation>权重 α_tn</translation>
    </message>
    <message>
        <source>scores s(x_n, q_t)</source>
        <translation>打分 s(x_n, q_t)</translation>
    </message>
    <message>
        <source>α = softmax(s): the softmax turns each row of scores into weights</source>
        <translation>α = softmax(s)：softmax 把每一行打分变成权重</translation>
    </message>
    <message>
        <source>This encoder-decoder has no attention (attention = none).</source>
        <translation>这个编码器-解码器没有注意力机制（attention = none）。</translation>
    </message>
    <message>
        <source>{0} attention ({1}): target step × source position</source>
        <translation>{0} 注意力（{1}）：目标步 × 源位置</translation>
    </message>
    <message>
        <source>context at the input</source>
        <translation>上下文在输入端</translation>
    </message>
    <message>
        <source>context at the output</source>
        <translation>上下文在输出端</translation>
    </message>
</context>
<context>
    <name>AttentionPlayground</name>
    <message>
        <source>The score function written out and drawn as halos</source>
        <translation>打分函数的展开式，以光晕画出</translation>
    </message>
    <message>
        <source>+ key</source>
        <translation>+ 键</translation>
    </message>
    <message>
        <source>− key</source>
        <translation>− 键</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>重置</translation>
    </message>
    <message>
        <source>step 1: α = softmax(s)</source>
        <translation>第一步：α = softmax(s)</translation>
    </message>
    <message>
        <source>drag x_n, q · ★ = Σ α_n x_n</source>
        <translation>拖动 x_n、q · ★ = Σ α_n x_n</translation>
    </message>
    <message>
        <source>step 1: the attention distribution</source>
        <translation>第一步：注意力分布</translation>
    </message>
    <message>
        <source>step 2: the weighted average</source>
        <translation>第二步：加权平均</translation>
    </message>
    <message>
        <source>scores s(x_n, q)</source>
        <translation>打分 s(x_n, q)</translation>
    </message>
    <message>
        <source>Preparing the compiled kernels…</source>
        <translation>正在准备编译好的计算核…</translation>
    </message>
</context>
<context>
    <name>BeamView</name>
    <message>
        <source>beam width K</source>
        <translation>束宽 K</translation>
    </message>
    <message>
        <source>length penalty</source>
        <translation>长度惩罚</translation>
    </message>
    <message>
        <source>score = log p / length^penalty (0: the plain sum; 1: the mean per token)</source>
        <translation>得分 = log p / 长度^惩罚（0：直接求和；1：每个词的平均）</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>搜索</translation>
    </message>
    <message>
        <source>Preparing the compiled kernels for beam search (only the first start is slow)…</source>
        <translation>正在准备束搜索的编译内核（只有第一次启动较慢）…</translation>
    </message>
    <message>
        <source>beam {0}</source>
        <translation>第 {0} 束</translation>
    </message>
    <message>
        <source>ended</source>
        <translation>已结束</translation>
    </message>
    <message>
        <source>extends beam {0} of the step before with &apos;{1}&apos;</source>
        <translation>在上一步的第 {0} 束后接上 &apos;{1}&apos;</translation>
    </message>
    <message>
        <source>ended here; score = log p / length^penalty</source>
        <translation>在此结束；得分 = log p / 长度^惩罚</translation>
    </message>
    <message>
        <source>length</source>
        <translation>长度</translation>
    </message>
    <message>
        <source>score</source>
        <translation>得分</translation>
    </message>
    <message>
        <source> (did not end)</source>
        <translation>（未结束）</translation>
    </message>
    <message>
        <source>Final ranking</source>
        <translation>最终排名</translation>
    </message>
</context>
<context>
    <name>BuilderPanel</name>
    <message>
        <source>Fixed by the task</source>
        <translation>由任务确定</translation>
    </message>
</context>
<context>
    <name>CheckResult</name>
    <message>
        <source>The check was stopped.</source>
        <translation>检验已停止。</translation>
    </message>
    <message>
        <source>The claim holds.</source>
        <translation>结论成立。</translation>
    </message>
    <message>
        <source>The claim does not hold.</source>
        <translation>结论不成立。</translation>
    </message>
    <message>
        <source>Measured (seed {0}):</source>
        <translation>测得（种子 {0}）：</translation>
    </message>
</context>
<context>
    <name>EncoderDecoderDiagram</name>
    <message>
        <source>encoder</source>
        <translation>编码器</translation>
    </message>
    <message>
        <source>decoder</source>
        <translation>解码器</translation>
    </message>
    <message>
        <source>x_{0} = &apos;{1}&apos;</source>
        <translation>x_{0} = &apos;{1}&apos;</translation>
    </message>
    <message>
        <source> (not in the vocabulary: read as &lt;unk&gt;)</source>
        <translation>（不在词表中：按 &lt;unk&gt; 读入）</translation>
    </message>
    <message>
        <source>decoder input at step {0}: &apos;{1}&apos;</source>
        <translation>第 {0} 步解码器的输入：&apos;{1}&apos;</translation>
    </message>
    <message>
        <source>encoder h_{0}, layer {1}{2} (&apos;{3}&apos;)</source>
        <translation>编码器 h_{0}，第 {1} 层{2}（&apos;{3}&apos;）</translation>
    </message>
    <message>
        <source>decoder s_{0}, layer {1}: reads &apos;{2}&apos;</source>
        <translation>解码器 s_{0}，第 {1} 层：读入 &apos;{2}&apos;</translation>
    </message>
    <message>
        <source>attention at step {0}: α = softmax(s(x_n, q)), c = Σ α_n x_n</source>
        <translation>第 {0} 步的注意力：α = softmax(s(x_n, q))，c = Σ α_n x_n</translation>
    </message>
    <message>
        <source>bridge: the decoder&apos;s initial state</source>
        <translation>桥接：解码器的初始状态</translation>
    </message>
</context>
<context>
    <name>EncoderDecoderEquations</name>
    <message>
        <source>the score function: how well x_n fits the query</source>
        <translation>打分函数：x_n 与查询向量的匹配程度</translation>
    </message>
    <message>
        <source>step 1: the attention distribution (softmax over the source)</source>
        <translation>第一步：注意力分布（在源序列上做 softmax）</translation>
    </message>
    <message>
        <source>step 2: the weighted average of the inputs</source>
        <translation>第二步：输入信息的加权平均</translation>
    </message>
    <message>
        <source>the target token&apos;s probability</source>
        <translation>目标词的概率</translation>
    </message>
    <message>
        <source>the per-step loss</source>
        <translation>瞬时损失</translation>
    </message>
    <message>
        <source>zeros</source>
        <translation>全零</translation>
    </message>
    <message>
        <source>copied from the encoder&apos;s last state</source>
        <translation>复制编码器的最后状态</translation>
    </message>
    <message>
        <source>a learned bridge from the final states</source>
        <translation>由最终状态学习得到的桥接</translation>
    </message>
    <message>
        <source>total loss over the target steps</source>
        <translation>所有目标步的总损失</translation>
    </message>
</context>
<context>
    <name>EncoderDecoderEvents</name>
    <message>
        <source>encoder layer {0}{1} · n = {2} &apos;{3}&apos;</source>
        <translation>编码器第 {0} 层{1} · n = {2} &apos;{3}&apos;</translation>
    </message>
    <message>
        <source>bridge: the decoder&apos;s initial state s_0</source>
        <translation>桥接：解码器的初始状态 s_0</translation>
    </message>
    <message>
        <source>attention · t = {0} (target &apos;{1}&apos;): scores, α, c_t</source>
        <translation>注意力 · t = {0}（目标 &apos;{1}&apos;）：打分、α、c_t</translation>
    </message>
    <message>
        <source>decoder layer {0} · t = {1} (reads &apos;{2}&apos;, target &apos;{3}&apos;)</source>
        <translation>解码器第 {0} 层 · t = {1}（读入 &apos;{2}&apos;，目标 &apos;{3}&apos;）</translation>
    </message>
    <message>
        <source>Loss: L = Σ_t L_t = {0:.4g}</source>
        <translation>损失：L = Σ_t L_t = {0:.4g}</translation>
    </message>
    <message>
        <source>Forward</source>
        <translation>前向</translation>
    </message>
    <message>
        <source>Backward</source>
        <translation>反向</translation>
    </message>
</context>
<context>
    <name>EncoderDecoderInput</name>
    <message>
        <source>Type a sentence</source>
        <translation>输入句子</translation>
    </message>
    <message>
        <source>Training pair</source>
        <translation>训练句对</translation>
    </message>
    <message>
        <source>Test pair</source>
        <translation>测试句对</translation>
    </message>
    <message>
        <source>source sentence, then Enter</source>
        <translation>源句子，然后按回车</translation>
    </message>
    <message>
        <source>target (empty: the model writes it)</source>
        <translation>目标（留空：由模型写出）</translation>
    </message>
    <message>
        <source>The target the loss compares with. Left empty, the model&apos;s own greedy output is used, for you to correct.</source>
        <translation>损失函数比较的目标。留空时使用模型自己的贪心输出，供你修改。</translation>
    </message>
    <message>
        <source>Read</source>
        <translation>读入</translation>
    </message>
    <message>
        <source>pair </source>
        <translation>句对 </translation>
    </message>
    <message>
        <source>Random</source>
        <translation>随机</translation>
    </message>
    <message>
        <source>Preparing the compiled kernels for greedy decoding (only the first start is slow): the model writes the target once they are ready…</source>
        <translation>正在准备贪心解码的编译内核（只有第一次启动较慢）：准备好后模型将写出目标序列…</translation>
    </message>
    <message>
        <source>typed</source>
        <translation>手动输入</translation>
    </message>
    <message>
        <source>from the task</source>
        <translation>来自任务</translation>
    </message>
    <message>
        <source>written by the model (greedy), for you to correct</source>
        <translation>由模型写出（贪心），供你修改</translation>
    </message>
    <message>
        <source>source</source>
        <translation>源</translation>
    </message>
    <message>
        <source>target</source>
        <translation>目标</translation>
    </message>
</context>
<context>
    <name>EncoderDecoderInspector</name>
    <message>
        <source> (not in the vocabulary: read as &lt;unk&gt;)</source>
        <translation>（不在词表中：按 &lt;unk&gt; 读入）</translation>
    </message>
    <message>
        <source>source token x_{0} &apos;{1}&apos;</source>
        <translation>源词 x_{0} &apos;{1}&apos;</translation>
    </message>
    <message>
        <source>Inputs are known from the start.</source>
        <translation>输入从一开始就已知。</translation>
    </message>
    <message>
        <source>embedding</source>
        <translation>词嵌入</translation>
    </message>
    <message>
        <source>decoder input at step {0}: &apos;{1}&apos;</source>
        <translation>第 {0} 步解码器的输入：&apos;{1}&apos;</translation>
    </message>
    <message>
        <source>Teacher forcing: step t reads the target token of step t − 1 (&lt;bos&gt; first).</source>
        <translation>教师强制：第 t 步读入第 t − 1 步的目标词（最先读 &lt;bos&gt;）。</translation>
    </message>
    <message>
        <source>encoder h_{0}, layer {1}{2} &apos;{3}&apos;</source>
        <translation>编码器 h_{0}，第 {1} 层{2} &apos;{3}&apos;</translation>
    </message>
    <message>
        <source>decoder s_{0}, layer {1}, reads &apos;{2}&apos;</source>
        <translation>解码器 s_{0}，第 {1} 层，读入 &apos;{2}&apos;</translation>
    </message>
    <message>
        <source>Not computed yet: the forward pass reaches it at event {0}.</source>
        <translation>尚未计算：前向计算在第 {0} 个事件到达这里。</translation>
    </message>
    <message>
        <source>Forward and backward pass done here.</source>
        <translation>这里的前向和反向计算已完成。</translation>
    </message>
    <message>
        <source>Forward pass done; the backward pass has not reached it yet.</source>
        <translation>前向计算已完成；反向传播尚未到达。</translation>
    </message>
    <message>
        <source>Not computed yet: the encoder comes first.</source>
        <translation>尚未计算：先运行编码器。</translation>
    </message>
    <message>
        <source>The decoder starts from s_0.</source>
        <translation>解码器从 s_0 开始。</translation>
    </message>
    <message>
        <source>bridge: the decoder&apos;s initial state</source>
        <translation>桥接：解码器的初始状态</translation>
    </message>
    <message>
        <source>attention at step {0} (target &apos;{1}&apos;)</source>
        <translation>第 {0} 步的注意力（目标 &apos;{1}&apos;）</translation>
    </message>
    <message>
        <source>Not computed yet: the attention of this step runs at event {0}.</source>
        <translation>尚未计算：这一步的注意力在第 {0} 个事件计算。</translation>
    </message>
    <message>
        <source>Looks most at x_{0} &apos;{1}&apos; (α = {2}); spread −Σ α log α = {3}.</source>
        <translation>最关注 x_{0} &apos;{1}&apos;（α = {2}）；分散程度 −Σ α log α = {3}。</translation>
    </message>
    <message>
        <source>output y_{0}: p(y | y_&lt;t, x), target &apos;{1}&apos;</source>
        <translation>输出 y_{0}：p(y | y_&lt;t, x)，目标 &apos;{1}&apos;</translation>
    </message>
    <message>
        <source>Not computed yet: it needs s_t and c_t.</source>
        <translation>尚未计算：需要 s_t 和 c_t。</translation>
    </message>
    <message>
        <source>The likeliest token is &apos;{0}&apos; (p = {1}).</source>
        <translation>最可能的词是 &apos;{0}&apos;（p = {1}）。</translation>
    </message>
    <message>
        <source>L = Σ_t L_t; the backward pass starts from here.</source>
        <translation>L = Σ_t L_t；反向传播从这里开始。</translation>
    </message>
    <message>
        <source>Not computed yet: the loss comes after the forward pass.</source>
        <translation>尚未计算：损失在前向计算之后。</translation>
    </message>
    <message>
        <source>loss L</source>
        <translation>损失 L</translation>
    </message>
</context>
<context>
    <name>EncoderDecoderViewSet</name>
    <message>
        <source>Attention heat map</source>
        <translation>注意力热图</translation>
    </message>
    <message>
        <source>Beam search</source>
        <translation>束搜索</translation>
    </message>
    <message>
        <source>Attention playground</source>
        <translation>注意力演练场</translation>
    </message>
</context>
<context>
    <name>EquationView</name>
    <message>
        <source>Copy the equations</source>
        <translation>复制公式</translation>
    </message>
</context>
<context>
    <name>Equations</name>
    <message>
        <source>input gate</source>
        <translation>输入门</translation>
    </message>
    <message>
        <source>forget gate</source>
        <translation>遗忘门</translation>
    </message>
    <message>
        <source>candidate</source>
        <translation>候选状态</translation>
    </message>
    <message>
        <source>output gate</source>
        <translation>输出门</translation>
    </message>
    <message>
        <source>reset gate</source>
        <translation>重置门</translation>
    </message>
    <message>
        <source>update gate</source>
        <translation>更新门</translation>
    </message>
    <message>
        <source>residual: the notes&apos; h_t = h_{t-1} + g(x_t, h_{t-1})</source>
        <translation>残差：讲义中的 h_t = h_{t-1} + g(x_t, h_{t-1})</translation>
    </message>
    <message>
        <source>cell state</source>
        <translation>细胞状态</translation>
    </message>
    <message>
        <source>candidate (textbook variant)</source>
        <translation>候选状态（教材写法）</translation>
    </message>
    <message>
        <source>candidate (PyTorch variant)</source>
        <translation>候选状态（PyTorch 写法）</translation>
    </message>
    <message>
        <source>a window over the inputs, no recurrence</source>
        <translation>对输入的滑动窗口，没有循环连接</translation>
    </message>
    <message>
        <source>from the output above and from the next step (BPTT)</source>
        <translation>来自上方的输出和下一时刻（随时间反向传播）</translation>
    </message>
    <message>
        <source>carried back along the cell state</source>
        <translation>沿细胞状态向后传递</translation>
    </message>
    <message>
        <source>total loss</source>
        <translation>总损失</translation>
    </message>
</context>
<context>
    <name>ExchangeActions</name>
    <message>
        <source>Export &amp;trace…</source>
        <translation>导出轨迹(&amp;T)…</translation>
    </message>
    <message>
        <source>&amp;Import weights…</source>
        <translation>导入权重(&amp;I)…</translation>
    </message>
    <message>
        <source>E&amp;xport weights…</source>
        <translation>导出权重(&amp;X)…</translation>
    </message>
    <message>
        <source>There is no run to export yet.</source>
        <translation>还没有可导出的运行。</translation>
    </message>
    <message>
        <source>Export the trace</source>
        <translation>导出轨迹</translation>
    </message>
    <message>
        <source>Could not export the trace: {0}</source>
        <translation>无法导出轨迹：{0}</translation>
    </message>
    <message>
        <source>Wrote {0}</source>
        <translation>已写入 {0}</translation>
    </message>
    <message>
        <source>Export the weights</source>
        <translation>导出权重</translation>
    </message>
    <message>
        <source>Could not export the weights: {0}</source>
        <translation>无法导出权重：{0}</translation>
    </message>
    <message>
        <source>Import weights</source>
        <translation>导入权重</translation>
    </message>
    <message>
        <source>Could not import the weights: {0}</source>
        <translation>无法导入权重：{0}</translation>
    </message>
    <message>
        <source>Import weights from {0}</source>
        <translation>从 {0} 导入权重</translation>
    </message>
    <message>
        <source>Read the weights in {0}</source>
        <translation>已读入 {0} 中的权重</translation>
    </message>
</context>
<context>
    <name>ExplanationPanel</name>
    <message>
        <source>simple RNN</source>
        <translation>简单循环神经网络</translation>
    </message>
    <message>
        <source>residual RNN</source>
        <translation>残差循环神经网络</translation>
    </message>
    <message>
        <source>time-delay network (TDNN)</source>
        <translation>延时神经网络（TDNN）</translation>
    </message>
    <message>
        <source>GRU (PyTorch variant)</source>
        <translation>门控循环单元（PyTorch 写法）</translation>
    </message>
    <message>
        <source>GRU (textbook variant)</source>
        <translation>门控循环单元（教材写法）</translation>
    </message>
    <message>
        <source>LSTM</source>
        <translation>长短期记忆网络（LSTM）</translation>
    </message>
    <message>
        <source>stacked RNN</source>
        <translation>堆叠循环神经网络</translation>
    </message>
    <message>
        <source>bidirectional RNN</source>
        <translation>双向循环神经网络</translation>
    </message>
    <message>
        <source>encoder-decoder</source>
        <translation>编码器-解码器</translation>
    </message>
    <message>
        <source>attention</source>
        <translation>注意力机制</translation>
    </message>
    <message>
        <source>recursive network (RvNN)</source>
        <translation>递归神经网络（RvNN）</translation>
    </message>
    <message>
        <source>syntactically untied RvNN</source>
        <translation>句法解绑的递归神经网络</translation>
    </message>
    <message>
        <source>matrix-vector RNN</source>
        <translation>矩阵-向量递归神经网络</translation>
    </message>
    <message>
        <source>recursive neural tensor network</source>
        <translation>递归神经张量网络</translation>
    </message>
    <message>
        <source>This network</source>
        <translation>当前网络</translation>
    </message>
    <message>
        <source>Explain the network on screen, or any other model</source>
        <translation>解释屏幕上的网络，或任选一个模型</translation>
    </message>
    <message>
        <source>Open or build a network to see its explanation.</source>
        <translation>打开或构建一个网络即可看到它的说明。</translation>
    </message>
    <message>
        <source>About this model</source>
        <translation>关于这个模型</translation>
    </message>
</context>
<context>
    <name>ExportFigures</name>
    <message>
        <source>Export figures into</source>
        <translation>将图表导出到</translation>
    </message>
    <message>
        <source>Writing the figures…</source>
        <translation>正在写入图表…</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>Export figures</source>
        <translation>导出图表</translation>
    </message>
    <message>
        <source>Cannot write the figures: {0}</source>
        <translation>无法写入图表：{0}</translation>
    </message>
    <message>
        <source>{0} figures written into {1}.</source>
        <translation>已将 {0} 张图表写入 {1}。</translation>
    </message>
</context>
<context>
    <name>FigureMenu</name>
    <message>
        <source>Copy figure</source>
        <translation>复制图表</translation>
    </message>
    <message>
        <source>Save figure as PNG…</source>
        <translation>将图表另存为 PNG…</translation>
    </message>
    <message>
        <source>Save figure as SVG (vector)…</source>
        <translation>将图表另存为 SVG（矢量）…</translation>
    </message>
    <message>
        <source>Save figure</source>
        <translation>保存图表</translation>
    </message>
    <message>
        <source>Figure</source>
        <translation>图表</translation>
    </message>
    <message>
        <source>Cannot make the figure: {0}</source>
        <translation>无法生成图表：{0}</translation>
    </message>
</context>
<context>
    <name>FileActions</name>
    <message>
        <source>&amp;New…</source>
        <translation>新建(&amp;N)…</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>打开(&amp;O)…</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <source>Save &amp;as…</source>
        <translation>另存为(&amp;A)…</translation>
    </message>
    <message>
        <source>Open &amp;recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>未保存的修改</translation>
    </message>
    <message>
        <source>{0} has changes that are not saved.</source>
        <translation>{0} 有尚未保存的修改。</translation>
    </message>
    <message>
        <source>Save them first?</source>
        <translation>先保存吗？</translation>
    </message>
    <message>
        <source>untitled</source>
        <translation>未命名</translation>
    </message>
    <message>
        <source>Open a project</source>
        <translation>打开项目</translation>
    </message>
    <message>
        <source>{0} (example)</source>
        <translation>{0}（示例）</translation>
    </message>
    <message>
        <source>Could not open {0}: {1}</source>
        <translation>无法打开 {0}：{1}</translation>
    </message>
    <message>
        <source>Save the project</source>
        <translation>保存项目</translation>
    </message>
    <message>
        <source>Could not save: {0}</source>
        <translation>无法保存：{0}</translation>
    </message>
    <message>
        <source>Saved {0}</source>
        <translation>已保存 {0}</translation>
    </message>
    <message>
        <source>(none yet)</source>
        <translation>（暂无）</translation>
    </message>
</context>
<context>
    <name>FlowPanel</name>
    <message>
        <source>computing G[t, k]: %v of %m rows</source>
        <translation>正在计算 G[t, k]：第 %v 行，共 %m 行</translation>
    </message>
    <message>
        <source>log10 G[t, k] = log10 ||dL_t/dh_k||</source>
        <translation>log10 G[t, k] = log10 ||dL_t/dh_k||</translation>
    </message>
    <message>
        <source>loss at t</source>
        <translation>时刻 t 的损失</translation>
    </message>
    <message>
        <source>hidden state k</source>
        <translation>隐状态 k</translation>
    </message>
    <message>
        <source>decay: G[t, t-d] / G[t, t]</source>
        <translation>衰减：G[t, t-d] / G[t, t]</translation>
    </message>
    <message>
        <source>distance d = t - k (steps back)</source>
        <translation>距离 d = t - k（向前的步数）</translation>
    </message>
    <message>
        <source>measured</source>
        <translation>实测</translation>
    </message>
    <message>
        <source>(σ_max·γ)^d</source>
        <translation>(σ_max·γ)^d</translation>
    </message>
    <message>
        <source> One loss, at the last step: G has one row.</source>
        <translation> 只有最后时刻有损失：G 只有一行。</translation>
    </message>
    <message>
        <source>Gradient flow, {0}. {1}</source>
        <translation>梯度流，{0}。{1}</translation>
    </message>
    <message>
        <source>TDNN: no recurrent matrix, the gradient reaches only `delay` steps back per layer</source>
        <translation>延时神经网络：没有循环矩阵，每层梯度只能向前传 `delay` 步</translation>
    </message>
    <message>
        <source>σ_max(U) = {0:.3f} &lt; 1/γ = {1:.2f}: gradients must vanish.</source>
        <translation>σ_max(U) = {0:.3f} &lt; 1/γ = {1:.2f}：梯度必然消失。</translation>
    </message>
    <message>
        <source>σ_max(U) = {0:.3f} ≥ 1/γ = {1:.2f}: gradients can explode (not certain).</source>
        <translation>σ_max(U) = {0:.3f} ≥ 1/γ = {1:.2f}：梯度可能爆炸（并非必然）。</translation>
    </message>
</context>
<context>
    <name>GalleryPanel</name>
    <message>
        <source>Recurrent networks</source>
        <translation>循环神经网络</translation>
    </message>
    <message>
        <source>Encoder–decoders and attention</source>
        <translation>编码器-解码器与注意力</translation>
    </message>
    <message>
        <source>Recursive networks over parse trees</source>
        <translation>句法树上的递归神经网络</translation>
    </message>
    <message>
        <source>Open example</source>
        <translation>打开示例</translation>
    </message>
</context>
<context>
    <name>GatesPanel</name>
    <message>
        <source>input gate i_t</source>
        <translation>输入门 i_t</translation>
    </message>
    <message>
        <source>forget gate f_t</source>
        <translation>遗忘门 f_t</translation>
    </message>
    <message>
        <source>output gate o_t</source>
        <translation>输出门 o_t</translation>
    </message>
    <message>
        <source>reset gate r_t</source>
        <translation>重置门 r_t</translation>
    </message>
    <message>
        <source>update gate z_t</source>
        <translation>更新门 z_t</translation>
    </message>
    <message>
        <source>candidate</source>
        <translation>候选状态</translation>
    </message>
    <message>
        <source>cell state c_t</source>
        <translation>细胞状态 c_t</translation>
    </message>
    <message>
        <source>pre-activation z_t (no gates)</source>
        <translation>净输入 z_t（无门）</translation>
    </message>
    <message>
        <source>gates</source>
        <translation>门</translation>
    </message>
    <message>
        <source>cell state</source>
        <translation>细胞状态</translation>
    </message>
    <message>
        <source>Gates of {0}</source>
        <translation>{0} 的门</translation>
    </message>
</context>
<context>
    <name>GradientPanel</name>
    <message>
        <source>gradient norms along time</source>
        <translation>沿时间的梯度范数</translation>
    </message>
    <message>
        <source>h, layer {0}</source>
        <translation>h，第 {0} 层</translation>
    </message>
    <message>
        <source>Gradients appear during the backward pass (after the loss).</source>
        <translation>梯度在反向传播时出现（损失之后）。</translation>
    </message>
    <message>
        <source>without interventions</source>
        <translation>未干预时</translation>
    </message>
</context>
<context>
    <name>GraphView</name>
    <message>
        <source>Fit</source>
        <translation>适应窗口</translation>
    </message>
    <message>
        <source>Zoom out (Ctrl+wheel)</source>
        <translation>缩小（Ctrl+滚轮）</translation>
    </message>
    <message>
        <source>Zoom in (Ctrl+wheel)</source>
        <translation>放大（Ctrl+滚轮）</translation>
    </message>
</context>
<context>
    <name>HelpMenu</name>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <source>About rnnsim</source>
        <translation>关于 rnnsim</translation>
    </message>
    <message>
        <source>&lt;h3&gt;rnnsim {0}&lt;/h3&gt;&lt;p&gt;Build recurrent, encoder–decoder and recursive neural networks for NLP, step through their forward pass and back-propagation one event at a time, and train them while watching them learn.&lt;/p&gt;&lt;p&gt;The engine (the &lt;tt&gt;simulator&lt;/tt&gt; package) runs without the window; the README explains the window, the command line and the file formats.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;rnnsim {0}&lt;/h3&gt;&lt;p&gt;搭建用于自然语言处理的循环神经网络、编码器-解码器和递归神经网络，逐个事件地单步执行它们的前向计算和反向传播，并在训练时观察它们如何学习。&lt;/p&gt;&lt;p&gt;计算引擎（&lt;tt&gt;simulator&lt;/tt&gt; 包）不需要窗口也能运行；README 说明了窗口、命令行和文件格式。&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>HiddenStatePanel</name>
    <message>
        <source>unit</source>
        <translation>单元</translation>
    </message>
    <message>
        <source>hidden state h_t, {0}</source>
        <translation>隐状态 h_t，{0}</translation>
    </message>
</context>
<context>
    <name>InputPanel</name>
    <message>
        <source>Type a sentence</source>
        <translation>输入句子</translation>
    </message>
    <message>
        <source>Training example</source>
        <translation>训练样本</translation>
    </message>
    <message>
        <source>Test example</source>
        <translation>测试样本</translation>
    </message>
    <message>
        <source>Type a sentence and press Enter</source>
        <translation>输入一个句子并按回车</translation>
    </message>
    <message>
        <source>Read</source>
        <translation>读入</translation>
    </message>
    <message>
        <source>example </source>
        <translation>样本 </translation>
    </message>
    <message>
        <source>Random</source>
        <translation>随机</translation>
    </message>
    <message>
        <source>target:</source>
        <translation>目标：</translation>
    </message>
    <message>
        <source>The class the loss compares the output with</source>
        <translation>损失函数与输出比较的类别</translation>
    </message>
    <message>
        <source>{0} reads numbers, not text</source>
        <translation>{0} 读入的是数字，不是文本</translation>
    </message>
</context>
<context>
    <name>InspectorPanel</name>
    <message>
        <source>layer {0}</source>
        <translation>第 {0} 层</translation>
    </message>
    <message>
        <source>h_t, {0}</source>
        <translation>h_t，{0}</translation>
    </message>
    <message>
        <source>Not computed yet: the forward pass reaches it at event {0}.</source>
        <translation>尚未计算：前向计算在第 {0} 个事件到达这里。</translation>
    </message>
    <message>
        <source>Forward and backward pass done here.</source>
        <translation>这里的前向和反向计算已完成。</translation>
    </message>
    <message>
        <source>Forward pass done; BPTT has not reached it yet.</source>
        <translation>前向计算已完成；随时间反向传播尚未到达。</translation>
    </message>
    <message>
        <source>h prev</source>
        <translation>前一 h</translation>
    </message>
    <message>
        <source>c before</source>
        <translation>干预前 c</translation>
    </message>
    <message>
        <source>h before</source>
        <translation>干预前 h</translation>
    </message>
    <message>
        <source>input x_t · t = {0} &apos;{1}&apos;</source>
        <translation>输入 x_t · t = {0} &apos;{1}&apos;</translation>
    </message>
    <message>
        <source>not in the vocabulary: read as &lt;unk&gt;</source>
        <translation>不在词表中：按 &lt;unk&gt; 读入</translation>
    </message>
    <message>
        <source>row {0} of the embedding table (&apos;{1}&apos;)</source>
        <translation>词嵌入表的第 {0} 行（&apos;{1}&apos;）</translation>
    </message>
    <message>
        <source>embedding</source>
        <translation>词嵌入</translation>
    </message>
    <message>
        <source>value</source>
        <translation>值</translation>
    </message>
    <message>
        <source>Inputs are known from the start.</source>
        <translation>输入从一开始就已知。</translation>
    </message>
    <message>
        <source>the sequence</source>
        <translation>整个序列</translation>
    </message>
    <message>
        <source>output ŷ, {0}</source>
        <translation>输出 ŷ，{0}</translation>
    </message>
    <message>
        <source>The forward pass has reached this output.</source>
        <translation>前向计算已到达这个输出。</translation>
    </message>
    <message>
        <source>Not computed yet: the top layer has not reached it.</source>
        <translation>尚未计算：最上层还没有到达这里。</translation>
    </message>
    <message>
        <source>o (logit)</source>
        <translation>o（logit）</translation>
    </message>
    <message>
        <source>loss L</source>
        <translation>损失 L</translation>
    </message>
    <message>
        <source>L = Σ_t L_t; BPTT starts from here.</source>
        <translation>L = Σ_t L_t；随时间反向传播从这里开始。</translation>
    </message>
    <message>
        <source>Intervene</source>
        <translation>干预</translation>
    </message>
    <message>
        <source>Clamp a gate, zero a unit or set h_t / c_t at this step (undo: Ctrl+Z)</source>
        <translation>在这一步固定一个门、将一个单元置零或设定 h_t / c_t（撤销：Ctrl+Z）</translation>
    </message>
    <message>
        <source>Not computed yet: the loss comes after the forward pass.</source>
        <translation>尚未计算：损失在前向计算之后。</translation>
    </message>
</context>
<context>
    <name>InterventionDialog</name>
    <message>
        <source>Intervene at t = {0}</source>
        <translation>在 t = {0} 处干预</translation>
    </message>
    <message>
        <source>zero units: h = 0</source>
        <translation>单元置零：h = 0</translation>
    </message>
    <message>
        <source>set h_t</source>
        <translation>设定 h_t</translation>
    </message>
    <message>
        <source>clamp a gate</source>
        <translation>固定一个门</translation>
    </message>
    <message>
        <source>set c_t</source>
        <translation>设定 c_t</translation>
    </message>
    <message>
        <source>A sigmoid gate takes 0 to 1; the candidate −1 to 1</source>
        <translation>sigmoid 门取 0 到 1；候选值取 −1 到 1</translation>
    </message>
    <message>
        <source>One number for every unit chosen, or one for them all</source>
        <translation>每个所选单元一个数，或所有单元共用一个数</translation>
    </message>
    <message>
        <source>all</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>&apos;all&apos;, or unit numbers separated by commas: 0, 2</source>
        <translation>“全部”，或用逗号分隔的单元编号：0, 2</translation>
    </message>
    <message>
        <source>at every step (else only at t = {0})</source>
        <translation>在每一步（否则只在 t = {0}）</translation>
    </message>
    <message>
        <source>Intervention</source>
        <translation>干预</translation>
    </message>
    <message>
        <source>Gate</source>
        <translation>门</translation>
    </message>
    <message>
        <source>Gate value</source>
        <translation>门的值</translation>
    </message>
    <message>
        <source>Values</source>
        <translation>值</translation>
    </message>
    <message>
        <source>Units</source>
        <translation>单元</translation>
    </message>
    <message>
        <source>Units: &apos;{0}&apos; is not a unit number</source>
        <translation>单元：“{0}”不是单元编号</translation>
    </message>
    <message>
        <source>&apos;{0}&apos; is not a number</source>
        <translation>“{0}”不是数</translation>
    </message>
    <message>
        <source>Intervene: {0}</source>
        <translation>干预：{0}</translation>
    </message>
</context>
<context>
    <name>Interventions</name>
    <message>
        <source>moved by up to {0:.3g} from the run without interventions</source>
        <translation>与未干预的运行相比最多变化 {0:.3g}</translation>
    </message>
    <message>
        <source>Intervene: {0}</source>
        <translation>干预：{0}</translation>
    </message>
    <message>
        <source>Zero units…</source>
        <translation>单元置零…</translation>
    </message>
    <message>
        <source>Set h_t…</source>
        <translation>设定 h_t…</translation>
    </message>
    <message>
        <source>Clamp a gate…</source>
        <translation>固定一个门…</translation>
    </message>
    <message>
        <source>Set c_t…</source>
        <translation>设定 c_t…</translation>
    </message>
    <message>
        <source>Clear interventions</source>
        <translation>清除干预</translation>
    </message>
    <message>
        <source>every t</source>
        <translation>每个 t</translation>
    </message>
    <message>
        <source>{0} at {1}</source>
        <translation>{0}，在 {1}</translation>
    </message>
    <message>
        <source>(layer {0}, {1})</source>
        <translation>（第 {0} 层，{1}）</translation>
    </message>
    <message>
        <source>forward</source>
        <translation>正向</translation>
    </message>
    <message>
        <source>reverse</source>
        <translation>反向</translation>
    </message>
    <message>
        <source>with {0}</source>
        <translation>干预：{0}</translation>
    </message>
    <message>
        <source>loss {0:.3f} → {1:.3f} with {2}</source>
        <translation>损失 {0:.3f} → {1:.3f}，干预：{2}</translation>
    </message>
</context>
<context>
    <name>JobProgress</name>
    <message>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>Stop the check or sweep within a few steps</source>
        <translation>在几步之内停止检验或扫描</translation>
    </message>
    <message>
        <source>checking…</source>
        <translation>检验中…</translation>
    </message>
    <message>
        <source>sweeping…</source>
        <translation>扫描中…</translation>
    </message>
    <message>
        <source>run {0}: step {1} of {2}</source>
        <translation>第 {0} 次训练：第 {1} / {2} 步</translation>
    </message>
    <message>
        <source>run {0} of {1}</source>
        <translation>第 {0} / {1} 次训练</translation>
    </message>
</context>
<context>
    <name>KernelWarmup</name>
    <message>
        <source>Compiling the kernels for {0} (only the first start compiles): step {1} of {2}, {3} s…</source>
        <translation>正在为 {0} 编译计算核（只有首次启动需要编译）：第 {1} 步，共 {2} 步，已用 {3} 秒…</translation>
    </message>
</context>
<context>
    <name>LanguageMenu</name>
    <message>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
</context>
<context>
    <name>LessonDocks</name>
    <message>
        <source>Lessons</source>
        <translation>课程</translation>
    </message>
</context>
<context>
    <name>LessonGuide</name>
    <message>
        <source>Training starts once the compiled kernels are ready (only the first start compiles)…</source>
        <translation>编译好的内核一就绪就开始训练（只有第一次启动需要编译）…</translation>
    </message>
</context>
<context>
    <name>LessonSteps</name>
    <message>
        <source>The Training tab has no setting {0}.</source>
        <translation>训练面板没有设置 {0}。</translation>
    </message>
    <message>
        <source>This task has no setting {0}.</source>
        <translation>这个任务没有设置 {0}。</translation>
    </message>
</context>
<context>
    <name>LessonView</name>
    <message>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <source>Go</source>
        <translation>前往</translation>
    </message>
    <message>
        <source>Set</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>重置</translation>
    </message>
    <message>
        <source>Train</source>
        <translation>训练</translation>
    </message>
    <message>
        <source>Compare</source>
        <translation>比较</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>显示</translation>
    </message>
    <message>
        <source>Sweep</source>
        <translation>扫描</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>检验</translation>
    </message>
    <message>
        <source>The notes&apos; sections as demonstrations: each opens an example, does its steps for you and checks its claim.</source>
        <translation>讲义的各节做成演示：每课打开一个示例，替你完成各个步骤，并检验它的结论。</translation>
    </message>
    <message>
        <source>Open lesson</source>
        <translation>打开课程</translation>
    </message>
    <message>
        <source>← All lessons</source>
        <translation>← 全部课程</translation>
    </message>
    <message>
        <source>Leave this lesson (what it runs stops; nothing is saved)</source>
        <translation>离开这一课（它正在运行的都会停止；不保存任何东西）</translation>
    </message>
    <message>
        <source>Steps</source>
        <translation>步骤</translation>
    </message>
    <message>
        <source>seed of the check and the sweep:</source>
        <translation>检验与扫描的种子：</translation>
    </message>
    <message>
        <source>Claim:</source>
        <translation>结论：</translation>
    </message>
    <message>
        <source>✓ holds on seed {0}</source>
        <translation>✓ 在种子 {0} 上成立</translation>
    </message>
    <message>
        <source>✗ does not hold on seed {0}</source>
        <translation>✗ 在种子 {0} 上不成立</translation>
    </message>
</context>
<context>
    <name>LessonsMenu</name>
    <message>
        <source>Less&amp;ons</source>
        <translation>课程(&amp;O)</translation>
    </message>
    <message>
        <source>Show the lessons</source>
        <translation>显示课程</translation>
    </message>
    <message>
        <source>Leave the lesson</source>
        <translation>离开这一课</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Network</source>
        <translation>网络</translation>
    </message>
    <message>
        <source>Examples</source>
        <translation>示例</translation>
    </message>
    <message>
        <source>Inspector</source>
        <translation>检查器</translation>
    </message>
    <message>
        <source>Hidden state</source>
        <translation>隐状态</translation>
    </message>
    <message>
        <source>Gates</source>
        <translation>门控</translation>
    </message>
    <message>
        <source>Output and loss</source>
        <translation>输出与损失</translation>
    </message>
    <message>
        <source>Gradients</source>
        <translation>梯度</translation>
    </message>
    <message>
        <source>Gradient flow</source>
        <translation>梯度流</translation>
    </message>
    <message>
        <source>Parameter gradients</source>
        <translation>参数梯度</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>Export &amp;figures…</source>
        <translation>导出图表(&amp;F)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>Clear interventions</source>
        <translation>清除干预</translation>
    </message>
    <message>
        <source>Reset layout</source>
        <translation>重置布局</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Step</source>
        <translation>单步(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>no project</source>
        <translation>无项目</translation>
    </message>
    <message>
        <source>Preparing the compiled kernels (the first start compiles them: this takes a while; later starts are quick)…</source>
        <translation>正在准备编译好的计算核（首次启动需要编译，会花一些时间；以后启动很快）…</translation>
    </message>
    <message>
        <source>Something went wrong: {0}. Your network is unchanged; please report this with the text printed in the terminal.</source>
        <translation>出错了：{0}。你的网络没有改变；请连同终端中打印的文字一起报告这个问题。</translation>
    </message>
</context>
<context>
    <name>ModelComparison</name>
    <message>
        <source>The same tree through each model: predicted class at every node. A model not trained here yet starts from the init seed.</source>
        <translation>同一棵树经过每个模型：每个节点上的预测类别。尚未在这里训练过的模型从初始化种子开始。</translation>
    </message>
    <message>
        <source>Use {0} with these weights (undoable)</source>
        <translation>使用带这些权重的 {0}（可撤销）</translation>
    </message>
    <message>
        <source>Use {0}</source>
        <translation>使用 {0}</translation>
    </message>
    <message>
        <source>loss</source>
        <translation>损失</translation>
    </message>
    <message>
        <source>{0} steps</source>
        <translation>{0} 步</translation>
    </message>
    <message>
        <source>trained {0} steps</source>
        <translation>已训练 {0} 步</translation>
    </message>
    <message>
        <source>untrained: from the init seed</source>
        <translation>未训练：来自初始化种子</translation>
    </message>
</context>
<context>
    <name>NewProjectDialog</name>
    <message>
        <source>New project</source>
        <translation>新建项目</translation>
    </message>
    <message>
        <source>recurrent network over the sentences</source>
        <translation>在句子上运行的循环网络</translation>
    </message>
    <message>
        <source>task</source>
        <translation>任务</translation>
    </message>
    <message>
        <source>tree model</source>
        <translation>树模型</translation>
    </message>
    <message>
        <source>cell</source>
        <translation>单元类型</translation>
    </message>
    <message>
        <source>hidden size</source>
        <translation>隐藏层大小</translation>
    </message>
    <message>
        <source>the encoder&apos;s and the decoder&apos;s cell</source>
        <translation>编码器和解码器的单元类型</translation>
    </message>
</context>
<context>
    <name>NodeInspector</name>
    <message>
        <source>unit j = </source>
        <translation>单元 j = </translation>
    </message>
    <message>
        <source>The unit whose equations are shown (or click a row)</source>
        <translation>显示其公式的单元（也可点击一行）</translation>
    </message>
    <message>
        <source>Inspector</source>
        <translation>检查器</translation>
    </message>
    <message>
        <source>Nothing has run yet.</source>
        <translation>还没有运行。</translation>
    </message>
</context>
<context>
    <name>OutputPanel</name>
    <message>
        <source>p(class) per step</source>
        <translation>每一步的 p(类别)</translation>
    </message>
    <message>
        <source>per-step loss L_t</source>
        <translation>瞬时损失 L_t</translation>
    </message>
    <message>
        <source>outputs per step (x: target)</source>
        <translation>每一步的输出（x：目标）</translation>
    </message>
    <message>
        <source>p(class)</source>
        <translation>p(类别)</translation>
    </message>
    <message>
        <source>outputs (▲ target)</source>
        <translation>输出（▲ 目标）</translation>
    </message>
    <message>
        <source>, ▲ target</source>
        <translation>，▲ 目标</translation>
    </message>
    <message>
        <source>L = {0:.4g}</source>
        <translation>L = {0:.4g}</translation>
    </message>
</context>
<context>
    <name>ParameterPanel</name>
    <message>
        <source>parameter gradients, log10 ||dL/dW||</source>
        <translation>参数梯度，log10 ||dL/dW||</translation>
    </message>
</context>
<context>
    <name>PlotPanel</name>
    <message>
        <source>Waiting for a network to run…</source>
        <translation>等待网络运行…</translation>
    </message>
    <message>
        <source>Nothing to show until the network has run.</source>
        <translation>网络运行之前没有可显示的内容。</translation>
    </message>
    <message>
        <source>layer {0}</source>
        <translation>第 {0} 层</translation>
    </message>
</context>
<context>
    <name>Presentation</name>
    <message>
        <source>&amp;Presentation</source>
        <translation>演示模式(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Larger text and lines</source>
        <translation>放大文字和线条(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Smaller text and lines</source>
        <translation>缩小文字和线条(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Usual size</source>
        <translation>正常大小(&amp;U)</translation>
    </message>
</context>
<context>
    <name>RecurrentEvents</name>
    <message>
        <source>Loss: L = Σ_t L_t = {0:.4g}</source>
        <translation>损失：L = Σ_t L_t = {0:.4g}</translation>
    </message>
    <message>
        <source>layer {0}</source>
        <translation>第 {0} 层</translation>
    </message>
    <message>
        <source>Forward</source>
        <translation>前向</translation>
    </message>
    <message>
        <source>Backward (BPTT)</source>
        <translation>反向（随时间反向传播）</translation>
    </message>
</context>
<context>
    <name>Session</name>
    <message>
        <source>Set {0}</source>
        <translation>设置 {0}</translation>
    </message>
    <message>
        <source>Initial weights from seed {0}</source>
        <translation>由种子 {0} 生成初始权重</translation>
    </message>
    <message>
        <source>Reinitialise weights</source>
        <translation>重新初始化权重</translation>
    </message>
    <message>
        <source>Clear interventions</source>
        <translation>清除干预</translation>
    </message>
    <message>
        <source>Interventions that no longer fit were left out.</source>
        <translation>不再适用的干预已略去。</translation>
    </message>
    <message>
        <source>Preparing the compiled kernels for {0} (only the first start is slow)…</source>
        <translation>正在为 {0} 准备编译好的计算核（只有首次启动较慢）…</translation>
    </message>
    <message>
        <source>This input does not fit the network: {0}</source>
        <translation>这个输入与网络不匹配：{0}</translation>
    </message>
    <message>
        <source>Kernels ready.</source>
        <translation>计算核已就绪。</translation>
    </message>
</context>
<context>
    <name>SpecForm</name>
    <message>
        <source>Task</source>
        <translation>任务</translation>
    </message>
    <message>
        <source>Network</source>
        <translation>网络</translation>
    </message>
    <message>
        <source>Weights</source>
        <translation>权重</translation>
    </message>
    <message>
        <source>init seed</source>
        <translation>初始化种子</translation>
    </message>
    <message>
        <source>Initial weights are drawn from this seed</source>
        <translation>初始权重由这个种子随机生成</translation>
    </message>
    <message>
        <source>Draw new weights</source>
        <translation>重新生成权重</translation>
    </message>
    <message>
        <source>Forget training: draw the weights again from the init seed</source>
        <translation>丢弃训练结果：由初始化种子重新生成权重</translation>
    </message>
    <message>
        <source>a number, or empty for none</source>
        <translation>一个数，或留空表示不设</translation>
    </message>
    <message>
        <source>a whole number</source>
        <translation>一个整数</translation>
    </message>
    <message>
        <source>{0} = {1!r} is not allowed: {2}</source>
        <translation>{0} = {1!r} 不允许：应为{2}</translation>
    </message>
    <message>
        <source>init_seed = {0!r} is not allowed: a whole number &gt;= 0</source>
        <translation>init_seed = {0!r} 不允许：须为 &gt;= 0 的整数</translation>
    </message>
    <message>
        <source>Not used now: {0} (kept for when you switch back)</source>
        <translation>当前未使用：{0}（保留，切换回来时仍有效）</translation>
    </message>
    <message>
        <source>Trained for {0} steps.</source>
        <translation>已训练 {0} 步。</translation>
    </message>
    <message>
        <source>Loaded from the project file.</source>
        <translation>从项目文件载入。</translation>
    </message>
    <message>
        <source>Untrained: drawn from seed {0}.</source>
        <translation>未训练：由种子 {0} 生成。</translation>
    </message>
    <message>
        <source>score function</source>
        <translation>打分函数</translation>
    </message>
    <message>
        <source>additive vᵀ tanh(W x + U q), dot xᵀ q, scaled dot xᵀ q / √d, bilinear xᵀ W q; none: the decoder sees the source only through its initial state</source>
        <translation>加性模型 vᵀ tanh(W x + U q)，点积模型 xᵀ q，缩放点积模型 xᵀ q / √d，双线性模型 xᵀ W q；none：解码器只通过初始状态看到源句子</translation>
    </message>
    <message>
        <source>context enters</source>
        <translation>上下文接入处</translation>
    </message>
    <message>
        <source>output (Luong): the query is s_t, the output reads [s_t; c_t]; input (Bahdanau): the query is s_{t-1} and the decoder also reads c_t</source>
        <translation>output（Luong）：查询向量是 s_t，输出层读入 [s_t; c_t]；input（Bahdanau）：查询向量是 s_{t-1}，解码器还读入 c_t</translation>
    </message>
    <message>
        <source>attention size</source>
        <translation>注意力维数</translation>
    </message>
    <message>
        <source>rows of W and U in the additive score</source>
        <translation>加性打分中 W 和 U 的行数</translation>
    </message>
    <message>
        <source>encoder cell</source>
        <translation>编码器单元类型</translation>
    </message>
    <message>
        <source>the encoder&apos;s recurrent cell</source>
        <translation>编码器的循环单元</translation>
    </message>
    <message>
        <source>encoder hidden size</source>
        <translation>编码器隐藏层大小</translation>
    </message>
    <message>
        <source>units in each encoder layer and direction</source>
        <translation>编码器每层每个方向的单元数</translation>
    </message>
    <message>
        <source>encoder layers</source>
        <translation>编码器层数</translation>
    </message>
    <message>
        <source>stacked encoder layers</source>
        <translation>堆叠的编码器层数</translation>
    </message>
    <message>
        <source>bidirectional encoder</source>
        <translation>双向编码器</translation>
    </message>
    <message>
        <source>a second direction reads the source backwards</source>
        <translation>第二个方向从后向前读源句子</translation>
    </message>
    <message>
        <source>decoder cell</source>
        <translation>解码器单元类型</translation>
    </message>
    <message>
        <source>the decoder&apos;s recurrent cell</source>
        <translation>解码器的循环单元</translation>
    </message>
    <message>
        <source>decoder hidden size</source>
        <translation>解码器隐藏层大小</translation>
    </message>
    <message>
        <source>units in each decoder layer</source>
        <translation>解码器每层的单元数</translation>
    </message>
    <message>
        <source>decoder layers</source>
        <translation>解码器层数</translation>
    </message>
    <message>
        <source>stacked decoder layers</source>
        <translation>堆叠的解码器层数</translation>
    </message>
    <message>
        <source>bridge</source>
        <translation>桥接</translation>
    </message>
    <message>
        <source>the decoder&apos;s initial state: copied or learned from the encoder&apos;s last state (auto), always learned, or zeros (attention only)</source>
        <translation>解码器的初始状态：复制或由编码器的最后状态学习得到（auto），总是学习得到，或全零（仅用于注意力）</translation>
    </message>
    <message>
        <source>source embedding size</source>
        <translation>源词嵌入维数</translation>
    </message>
    <message>
        <source>width of each source token&apos;s vector</source>
        <translation>每个源词的向量长度</translation>
    </message>
    <message>
        <source>target embedding size</source>
        <translation>目标词嵌入维数</translation>
    </message>
    <message>
        <source>width of each target token&apos;s vector</source>
        <translation>每个目标词的向量长度</translation>
    </message>
    <message>
        <source>precision</source>
        <translation>精度</translation>
    </message>
    <message>
        <source>float64 (exact) or float32</source>
        <translation>float64（精确）或 float32</translation>
    </message>
    <message>
        <source>model</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>rvnn p = f(W [c1; c2] + b); su-rvnn: a W_ab per pair of children&apos;s categories; mv-rnn: a vector and a matrix per node; rntn: a tensor term [c1; c2]ᵀ V [c1; c2]</source>
        <translation>rvnn：p = f(W [c1; c2] + b)；su-rvnn：每对子节点类别一个 W_ab；mv-rnn：每个节点一个向量和一个矩阵；rntn：张量项 [c1; c2]ᵀ V [c1; c2]</translation>
    </message>
    <message>
        <source>vector size d</source>
        <translation>向量维数 d</translation>
    </message>
    <message>
        <source>the size of every word and phrase vector</source>
        <translation>每个词和短语向量的维数</translation>
    </message>
    <message>
        <source>activation f</source>
        <translation>激活函数 f</translation>
    </message>
    <message>
        <source>the composition&apos;s nonlinearity</source>
        <translation>组合时的非线性函数</translation>
    </message>
    <message>
        <source>cell</source>
        <translation>单元类型</translation>
    </message>
    <message>
        <source>rnn: h_t = f(U h_{t-1} + W x_t + b); gru; lstm; tdnn: a window over past inputs</source>
        <translation>rnn：h_t = f(U h_{t-1} + W x_t + b)；gru：门控循环单元；lstm：长短期记忆网络；tdnn：对过去输入的窗口</translation>
    </message>
    <message>
        <source>activation</source>
        <translation>激活函数</translation>
    </message>
    <message>
        <source>f of a simple RNN or TDNN</source>
        <translation>简单循环网络或延时神经网络的 f</translation>
    </message>
    <message>
        <source>used by rnn and tdnn</source>
        <translation>rnn 和 tdnn 使用</translation>
    </message>
    <message>
        <source>residual</source>
        <translation>残差</translation>
    </message>
    <message>
        <source>h_t = h_{t-1} + f(...): the notes&apos; remedy for vanishing gradients</source>
        <translation>h_t = h_{t-1} + f(...)：讲义中缓解梯度消失的方法</translation>
    </message>
    <message>
        <source>used by rnn</source>
        <translation>rnn 使用</translation>
    </message>
    <message>
        <source>GRU variant</source>
        <translation>GRU 写法</translation>
    </message>
    <message>
        <source>pytorch: r ⊙ (U_n h + c_n); textbook: U_n (r ⊙ h)</source>
        <translation>pytorch：r ⊙ (U_n h + c_n)；教材：U_n (r ⊙ h)</translation>
    </message>
    <message>
        <source>used by gru</source>
        <translation>gru 使用</translation>
    </message>
    <message>
        <source>delay K</source>
        <translation>延时 K</translation>
    </message>
    <message>
        <source>how many past inputs the TDNN window reads</source>
        <translation>延时神经网络的窗口读入多少个过去的输入</translation>
    </message>
    <message>
        <source>used by tdnn</source>
        <translation>tdnn 使用</translation>
    </message>
    <message>
        <source>σ_max(U) at start</source>
        <translation>初始 σ_max(U)</translation>
    </message>
    <message>
        <source>scale each recurrent matrix U to this largest singular value when the weights are drawn (empty: the usual random start); above 1 gradients can explode, below 1 they vanish</source>
        <translation>抽取权重时把每个循环矩阵 U 缩放到这个最大奇异值（留空：通常的随机初始化）；大于 1 梯度可能爆炸，小于 1 梯度会消失</translation>
    </message>
    <message>
        <source>a tdnn has no recurrent matrix</source>
        <translation>延时神经网络没有循环矩阵</translation>
    </message>
    <message>
        <source>embedding size</source>
        <translation>词嵌入维数</translation>
    </message>
    <message>
        <source>width of each token&apos;s vector</source>
        <translation>每个词的向量长度</translation>
    </message>
    <message>
        <source>the task&apos;s inputs are numbers, not tokens</source>
        <translation>这个任务的输入是数字，不是词</translation>
    </message>
    <message>
        <source>hidden size</source>
        <translation>隐藏层大小</translation>
    </message>
    <message>
        <source>units in each layer and direction</source>
        <translation>每层每个方向的单元数</translation>
    </message>
    <message>
        <source>layers</source>
        <translation>层数</translation>
    </message>
    <message>
        <source>stacked recurrent layers</source>
        <translation>堆叠循环神经网络的层数</translation>
    </message>
    <message>
        <source>bidirectional</source>
        <translation>双向</translation>
    </message>
    <message>
        <source>a second direction reads the sentence backwards</source>
        <translation>第二个方向从后向前读句子（双向循环神经网络）</translation>
    </message>
    <message>
        <source>pooling</source>
        <translation>汇聚</translation>
    </message>
    <message>
        <source>seq2class: the last state, or the mean over time</source>
        <translation>序列到类别：取最后的状态，或按时间平均（平均采样）</translation>
    </message>
    <message>
        <source>used by seq2class</source>
        <translation>序列到类别模式使用</translation>
    </message>
    <message>
        <source>each step of {0} is a vector of {1} numbers</source>
        <translation>{0} 的每一步是 {1} 个数的向量</translation>
    </message>
    <message>
        <source>the vocabulary of {0} has {1} tokens</source>
        <translation>{0} 的词表有 {1} 个词</translation>
    </message>
    <message>
        <source>{0} has {1} classes</source>
        <translation>{0} 有 {1} 个类别</translation>
    </message>
    <message>
        <source>{0} predicts {1} number(s)</source>
        <translation>{0} 预测 {1} 个数</translation>
    </message>
    <message>
        <source>one output per step</source>
        <translation>每一步一个输出（同步的序列到序列）</translation>
    </message>
    <message>
        <source>one output per sequence</source>
        <translation>每个序列一个输出（序列到类别）</translation>
    </message>
    <message>
        <source>classes: softmax + cross-entropy</source>
        <translation>类别：softmax + 交叉熵</translation>
    </message>
    <message>
        <source>numbers: squared error</source>
        <translation>数值：平方误差</translation>
    </message>
</context>
<context>
    <name>StepperBar</name>
    <message>
        <source>Start</source>
        <translation>开始</translation>
    </message>
    <message>
        <source>Go to the first event (Home)</source>
        <translation>到第一个事件（Home）</translation>
    </message>
    <message>
        <source>Step back</source>
        <translation>后退一步</translation>
    </message>
    <message>
        <source>One event back (Left)</source>
        <translation>后退一个事件（左方向键）</translation>
    </message>
    <message>
        <source>Play</source>
        <translation>播放</translation>
    </message>
    <message>
        <source>Play or pause (Space)</source>
        <translation>播放或暂停（空格）</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>单步</translation>
    </message>
    <message>
        <source>One event forward (Right)</source>
        <translation>前进一个事件（右方向键）</translation>
    </message>
    <message>
        <source>Loss</source>
        <translation>损失</translation>
    </message>
    <message>
        <source>Jump to the loss, between forward and backward (L)</source>
        <translation>跳到损失，在前向和反向之间（L）</translation>
    </message>
    <message>
        <source>End</source>
        <translation>结束</translation>
    </message>
    <message>
        <source>Go to the last event (End)</source>
        <translation>到最后一个事件（End）</translation>
    </message>
    <message>
        <source>{0} / s</source>
        <translation>{0} / 秒</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <source>Events per second while playing</source>
        <translation>播放时每秒的事件数</translation>
    </message>
    <message>
        <source>No trace yet.</source>
        <translation>还没有运行记录。</translation>
    </message>
    <message>
        <source>event {0} of {1}</source>
        <translation>第 {0} 个事件，共 {1} 个</translation>
    </message>
    <message>
        <source>{0}    ({1})</source>
        <translation>{0}    （{1}）</translation>
    </message>
</context>
<context>
    <name>SweepPlot</name>
    <message>
        <source>length</source>
        <translation>长度</translation>
    </message>
    <message>
        <source>test accuracy</source>
        <translation>测试准确率</translation>
    </message>
</context>
<context>
    <name>TaskForm</name>
    <message>
        <source>seed</source>
        <translation>种子</translation>
    </message>
    <message>
        <source>training examples</source>
        <translation>训练样本数</translation>
    </message>
    <message>
        <source>test examples</source>
        <translation>测试样本数</translation>
    </message>
    <message>
        <source>length</source>
        <translation>长度</translation>
    </message>
    <message>
        <source>shortest</source>
        <translation>最短</translation>
    </message>
    <message>
        <source>longest</source>
        <translation>最长</translation>
    </message>
    <message>
        <source>fewest words</source>
        <translation>最少词数</translation>
    </message>
    <message>
        <source>most words</source>
        <translation>最多词数</translation>
    </message>
    <message>
        <source>delay</source>
        <translation>延时</translation>
    </message>
    <message>
        <source>symbols</source>
        <translation>符号数</translation>
    </message>
    <message>
        <source>target</source>
        <translation>目标</translation>
    </message>
    <message>
        <source>language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>file</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>test file</source>
        <translation>测试文件</translation>
    </message>
    <message>
        <source>test share</source>
        <translation>测试集比例</translation>
    </message>
    <message>
        <source>source format</source>
        <translation>源格式</translation>
    </message>
    <message>
        <source>target format</source>
        <translation>目标格式</translation>
    </message>
    <message>
        <source>earliest year</source>
        <translation>最早年份</translation>
    </message>
    <message>
        <source>latest year</source>
        <translation>最晚年份</translation>
    </message>
    <message>
        <source>largest number</source>
        <translation>最大的数</translation>
    </message>
    <message>
        <source>direction</source>
        <translation>方向</translation>
    </message>
    <message>
        <source>split into</source>
        <translation>切分为</translation>
    </message>
    <message>
        <source>The data set the network trains on</source>
        <translation>网络训练所用的数据集</translation>
    </message>
    <message>
        <source>A few training examples (input -&gt; target):</source>
        <translation>几个训练样本（输入 -&gt; 目标）：</translation>
    </message>
    <message>
        <source>Press “Use this task” to build it.</source>
        <translation>按“使用这个任务”来生成它。</translation>
    </message>
    <message>
        <source>{0} = {1!r} is not allowed: {2}</source>
        <translation>{0} = {1!r} 不允许：{2}</translation>
    </message>
</context>
<context>
    <name>TaskWords</name>
    <message>
        <source>very negative</source>
        <translation>非常负面</translation>
    </message>
    <message>
        <source>negative</source>
        <translation>负面</translation>
    </message>
    <message>
        <source>neutral</source>
        <translation>中性</translation>
    </message>
    <message>
        <source>positive</source>
        <translation>正面</translation>
    </message>
    <message>
        <source>very positive</source>
        <translation>非常正面</translation>
    </message>
    <message>
        <source>even</source>
        <translation>偶数</translation>
    </message>
    <message>
        <source>odd</source>
        <translation>奇数</translation>
    </message>
</context>
<context>
    <name>Timeline</name>
    <message>
        <source>All events: forward pass, loss, backward pass. Click or drag.</source>
        <translation>所有事件：前向计算、损失、反向传播。可点击或拖动。</translation>
    </message>
</context>
<context>
    <name>TokenChips</name>
    <message>
        <source>step {0}: &apos;{1}&apos;</source>
        <translation>第 {0} 步：&apos;{1}&apos;</translation>
    </message>
    <message>
        <source> — not in the vocabulary, read as &lt;unk&gt;</source>
        <translation> — 不在词表中，按 &lt;unk&gt; 读入</translation>
    </message>
    <message>
        <source>target at step {0}</source>
        <translation>第 {0} 步的目标</translation>
    </message>
</context>
<context>
    <name>TrainingController</name>
    <message>
        <source>Open or build a network first.</source>
        <translation>请先打开或构建一个网络。</translation>
    </message>
    <message>
        <source>The compiled kernels for {0} are still being prepared; try again in a moment.</source>
        <translation>{0} 的计算核仍在准备中；请稍后再试。</translation>
    </message>
    <message>
        <source>Training failed: {0}</source>
        <translation>训练失败：{0}</translation>
    </message>
    <message>
        <source>Train to step {0}</source>
        <translation>训练到第 {0} 步</translation>
    </message>
</context>
<context>
    <name>TrainingCurves</name>
    <message>
        <source>loss (training, and test dashed)</source>
        <translation>损失（训练；虚线为测试）</translation>
    </message>
    <message>
        <source>accuracy</source>
        <translation>准确率</translation>
    </message>
    <message>
        <source>gradient norm ‖g‖ (◆ clipped)</source>
        <translation>梯度范数 ‖g‖（◆ 梯度截断）</translation>
    </message>
    <message>
        <source>step</source>
        <translation>步</translation>
    </message>
    <message>
        <source>Press Start in the Training panel to train the network.</source>
        <translation>在“训练”面板中按“开始”来训练网络。</translation>
    </message>
    <message>
        <source>&lt;span style=&apos;color:{0}&apos;&gt;┄ mean predictor: ½·MSE = {1:.4g} (its test MSE {2:.4g}); the loss is ½·MSE&lt;/span&gt;</source>
        <translation>&lt;span style=&apos;color:{0}&apos;&gt;┄ 均值预测器：½·MSE = {1:.4g}（其测试 MSE {2:.4g}）；损失即 ½·MSE&lt;/span&gt;</translation>
    </message>
    <message>
        <source>{0} · step {1}/{2} · loss {3:.4g} · {4:.0f} steps/s</source>
        <translation>{0} · 第 {1}/{2} 步 · 损失 {3:.4g} · 每秒 {4:.0f} 步</translation>
    </message>
    <message>
        <source>test MSE {0:.4g} (mean predictor {1:.4g})</source>
        <translation>测试 MSE {0:.4g}（均值预测器 {1:.4g}）</translation>
    </message>
    <message>
        <source>test accuracy {0:.3f}</source>
        <translation>测试准确率 {0:.3f}</translation>
    </message>
    <message>
        <source>negated phrases {0:.3f} (of {1})</source>
        <translation>否定短语 {0:.3f}（共 {1} 个）</translation>
    </message>
</context>
<context>
    <name>TrainingDocks</name>
    <message>
        <source>Training</source>
        <translation>训练</translation>
    </message>
    <message>
        <source>Training curves</source>
        <translation>训练曲线</translation>
    </message>
</context>
<context>
    <name>TrainingPanel</name>
    <message>
        <source>Task</source>
        <translation>任务</translation>
    </message>
    <message>
        <source>Use this task</source>
        <translation>使用这个任务</translation>
    </message>
    <message>
        <source>Build the task with these settings; the network keeps its cell and sizes</source>
        <translation>按这些设置生成任务；网络保留其单元类型和大小</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>训练</translation>
    </message>
    <message>
        <source>Compare</source>
        <translation>比较</translation>
    </message>
    <message>
        <source>Train this network (A) and the same one differing only in the setting chosen here (B) on the same task and seed, both from their initial weights; their curves share the axes</source>
        <translation>用同一任务和种子训练这个网络（A）和只在这里所选设置上不同的同一网络（B），都从初始权重开始；两者的曲线画在同一坐标轴上</translation>
    </message>
    <message>
        <source>Train the given number of steps (or resume)</source>
        <translation>训练给定的步数（或继续）</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <source>Stop after the current step; Start resumes</source>
        <translation>在当前这一步之后停下；按“开始”继续</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>End this run, keeping the weights it reached</source>
        <translation>结束这次训练，保留已得到的权重</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>重置</translation>
    </message>
    <message>
        <source>Forget training: draw the weights again from the init seed (undoable)</source>
        <translation>丢弃训练结果：由初始化种子重新生成权重（可撤销）</translation>
    </message>
    <message>
        <source>also train a second network with</source>
        <translation>同时训练第二个网络，改为</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>继续</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>开始</translation>
    </message>
    <message>
        <source>Stop the run to change its settings</source>
        <translation>先停止训练再修改设置</translation>
    </message>
    <message>
        <source>Training…</source>
        <translation>训练中…</translation>
    </message>
    <message>
        <source>step %v</source>
        <translation>第 %v 步</translation>
    </message>
    <message>
        <source>step %v of %m</source>
        <translation>第 %v 步，共 %m 步</translation>
    </message>
    <message>
        <source>{0:.0f} steps per second</source>
        <translation>每秒 {0:.0f} 步</translation>
    </message>
    <message>
        <source>&lt;b&gt;Training of {0} diverged at step {1}&lt;/b&gt;: {2}; {3}.&lt;br&gt;Gradient norms of the last good step: {4}.&lt;br&gt;Try a smaller learning rate or gradient clipping. Undo (Ctrl+Z) brings back earlier weights.</source>
        <translation>&lt;b&gt;{0} 的训练在第 {1} 步发散&lt;/b&gt;：{2}；{3}。&lt;br&gt;最后正常一步的梯度范数：{4}。&lt;br&gt;请尝试更小的学习率或梯度截断。撤销（Ctrl+Z）可找回之前的权重。</translation>
    </message>
    <message>
        <source>Training finished.</source>
        <translation>训练完成。</translation>
    </message>
    <message>
        <source>Training stopped.</source>
        <translation>训练已停止。</translation>
    </message>
    <message>
        <source>Training paused; the views show the weights reached.</source>
        <translation>训练已暂停；各视图显示当前得到的权重。</translation>
    </message>
    <message>
        <source>Training diverged; the last good weights are kept.</source>
        <translation>训练发散；已保留最后一组正常的权重。</translation>
    </message>
    <message>
        <source>Training of {0} diverged at step {1} ({2}); the last good weights are kept.</source>
        <translation>{0} 的训练在第 {1} 步发散（{2}）；已保留最后一组正常的权重。</translation>
    </message>
</context>
<context>
    <name>TrainingSettingsForm</name>
    <message>
        <source>off</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>by norm</source>
        <translation>按范数</translation>
    </message>
    <message>
        <source>by value</source>
        <translation>按值</translation>
    </message>
    <message>
        <source>optimiser</source>
        <translation>优化器</translation>
    </message>
    <message>
        <source>sgd, momentum or adam</source>
        <translation>sgd、momentum 或 adam</translation>
    </message>
    <message>
        <source>learning rate</source>
        <translation>学习率</translation>
    </message>
    <message>
        <source>step size of every update</source>
        <translation>每次更新的步长</translation>
    </message>
    <message>
        <source>momentum</source>
        <translation>动量</translation>
    </message>
    <message>
        <source>share of the last update kept</source>
        <translation>保留上一次更新的比例</translation>
    </message>
    <message>
        <source>gradient clipping</source>
        <translation>梯度截断</translation>
    </message>
    <message>
        <source>by norm: g ← g·c/‖g‖ when ‖g‖ &gt; c; by value: each entry into [−c, c]</source>
        <translation>按范数：当 ‖g‖ &gt; c 时 g ← g·c/‖g‖；按值：每个分量截断到 [−c, c]</translation>
    </message>
    <message>
        <source>clip at c</source>
        <translation>截断阈值 c</translation>
    </message>
    <message>
        <source>the threshold c</source>
        <translation>阈值 c</translation>
    </message>
    <message>
        <source>weight decay λ</source>
        <translation>权重衰减 λ</translation>
    </message>
    <message>
        <source>p ← p − lr (g + λ p); 0 turns it off</source>
        <translation>p ← p − lr (g + λ p)；0 表示关闭</translation>
    </message>
    <message>
        <source>truncated BPTT</source>
        <translation>截断的随时间反向传播</translation>
    </message>
    <message>
        <source>gradients flow back at most this many steps; 0: full BPTT</source>
        <translation>梯度最多向前传这么多步；0：完整的随时间反向传播</translation>
    </message>
    <message>
        <source>batch size</source>
        <translation>批大小</translation>
    </message>
    <message>
        <source>examples per update</source>
        <translation>每次更新的样本数</translation>
    </message>
    <message>
        <source>seed</source>
        <translation>种子</translation>
    </message>
    <message>
        <source>the order of the batches</source>
        <translation>决定批次的顺序</translation>
    </message>
    <message>
        <source>steps</source>
        <translation>步数</translation>
    </message>
    <message>
        <source>how many updates Start runs</source>
        <translation>按“开始”后进行多少次更新</translation>
    </message>
    <message>
        <source>test every</source>
        <translation>测试间隔</translation>
    </message>
    <message>
        <source>steps between test-set evaluations; 0: never</source>
        <translation>两次在测试集上评估之间的步数；0：不评估</translation>
    </message>
    <message>
        <source>a whole number</source>
        <translation>整数</translation>
    </message>
    <message>
        <source>a number</source>
        <translation>数</translation>
    </message>
    <message>
        <source>{0} = {1!r} is not allowed: {2}</source>
        <translation>{0} = {1!r} 不允许：{2}</translation>
    </message>
</context>
<context>
    <name>TreeEditor</name>
    <message>
        <source>Type a tree or a sentence</source>
        <translation>输入一棵树或一个句子</translation>
    </message>
    <message>
        <source>Training tree</source>
        <translation>训练树</translation>
    </message>
    <message>
        <source>Test tree</source>
        <translation>测试树</translation>
    </message>
    <message>
        <source>tree </source>
        <translation>树 </translation>
    </message>
    <message>
        <source>Random</source>
        <translation>随机</translation>
    </message>
    <message>
        <source>Read (Ctrl+Enter)</source>
        <translation>读入（Ctrl+Enter）</translation>
    </message>
    <message>
        <source>(3 (2 not) (4 good))  or  (S (NP the film) (VP is good))  or a sentence</source>
        <translation>(3 (2 not) (4 good))  或  (S (NP the film) (VP is good))  或一个句子</translation>
    </message>
</context>
<context>
    <name>TreeEquations</name>
    <message>
        <source>a word: its row of the embedding L</source>
        <translation>一个词：它在词嵌入 L 中的那一行</translation>
    </message>
    <message>
        <source>the tensor term, the W term and the bias</source>
        <translation>张量项、W 项和偏置</translation>
    </message>
    <message>
        <source>each child&apos;s vector is first multiplied by the other&apos;s matrix</source>
        <translation>每个子节点的向量先乘以另一个子节点的矩阵</translation>
    </message>
    <message>
        <source>syntactically untied: W_ab for this pair</source>
        <translation>句法解绑：这一对的 W_ab</translation>
    </message>
    <message>
        <source>one W shared by every phrase</source>
        <translation>所有短语共享一个 W</translation>
    </message>
    <message>
        <source>the phrase&apos;s matrix, from its children&apos;s</source>
        <translation>短语的矩阵，由子节点的矩阵得到</translation>
    </message>
    <message>
        <source>the node&apos;s class probabilities</source>
        <translation>节点的类别概率</translation>
    </message>
    <message>
        <source>label filled in from the prediction</source>
        <translation>标签由预测补上</translation>
    </message>
    <message>
        <source>the node&apos;s own loss</source>
        <translation>节点自己的损失</translation>
    </message>
    <message>
        <source>the node&apos;s own classifier and its parent</source>
        <translation>节点自己的分类器和它的父节点</translation>
    </message>
    <message>
        <source>passed on to both children through W</source>
        <translation>通过 W 传给两个子节点</translation>
    </message>
    <message>
        <source>the sum over the labelled nodes</source>
        <translation>对有标签的节点求和</translation>
    </message>
</context>
<context>
    <name>TreeEvents</name>
    <message>
        <source>Loss: L = Σ_n L_n = {0:.4g}</source>
        <translation>损失：L = Σ_n L_n = {0:.4g}</translation>
    </message>
    <message>
        <source>p = L[w]</source>
        <translation>p = L[w]</translation>
    </message>
    <message>
        <source>p = f(z)</source>
        <translation>p = f(z)</translation>
    </message>
    <message>
        <source>Forward (bottom-up)</source>
        <translation>前向（自底向上）</translation>
    </message>
    <message>
        <source>∂L/∂p</source>
        <translation>∂L/∂p</translation>
    </message>
    <message>
        <source>δ = ∂L/∂z</source>
        <translation>δ = ∂L/∂z</translation>
    </message>
    <message>
        <source>Backward (top-down)</source>
        <translation>反向（自顶向下）</translation>
    </message>
    <message>
        <source>node {0}</source>
        <translation>节点 {0}</translation>
    </message>
</context>
<context>
    <name>TreeInspector</name>
    <message>
        <source>word</source>
        <translation>词</translation>
    </message>
    <message>
        <source>phrase</source>
        <translation>短语</translation>
    </message>
    <message>
        <source>Not computed yet: the forward pass reaches it at event {0}.</source>
        <translation>尚未计算：前向计算在第 {0} 个事件到达这里。</translation>
    </message>
    <message>
        <source>Forward and backward pass done here.</source>
        <translation>这里的前向和反向计算已完成。</translation>
    </message>
    <message>
        <source>Composed; the backward pass has not reached it yet.</source>
        <translation>已组合；反向传播尚未到达。</translation>
    </message>
    <message>
        <source>the node&apos;s matrix P (mv-rnn)</source>
        <translation>节点的矩阵 P（mv-rnn）</translation>
    </message>
    <message>
        <source>by unit: W term (blue), tensor term (red)&lt;br&gt;‖W x‖ = {0:.3f}, ‖xᵀ V x‖ = {1:.3f}</source>
        <translation>按单元：W 项（蓝），张量项（红）&lt;br&gt;‖W x‖ = {0:.3f}，‖xᵀ V x‖ = {1:.3f}</translation>
    </message>
    <message>
        <source>loss L</source>
        <translation>损失 L</translation>
    </message>
    <message>
        <source>Back-propagation through structure starts from here, at the root.</source>
        <translation>沿结构的反向传播从这里（根节点）开始。</translation>
    </message>
</context>
<context>
    <name>TreeView</name>
    <message>
        <source>predicted class</source>
        <translation>预测类别</translation>
    </message>
    <message>
        <source>A node&apos;s colour is its predicted class; the small dot is the label it is trained towards (hollow: filled in from the prediction). Right-click a node to change its label or its bracketing; Shift+click a neighbour of the selected node to bracket the two.</source>
        <translation>节点的颜色是它的预测类别；小圆点是训练的目标标签（空心：由预测补上）。右键点击节点可修改其标签或括号结构；按住 Shift 点击所选节点的相邻节点可把两者括在一起。</translation>
    </message>
    <message>
        <source>this tree has no categories</source>
        <translation>这棵树没有句法类别</translation>
    </message>
    <message>
        <source>the network unties no pair</source>
        <translation>网络没有解绑任何类别对</translation>
    </message>
    <message>
        <source>none of its children&apos;s category pairs is untied</source>
        <translation>其子结点的类别对都没有解绑</translation>
    </message>
    <message>
        <source>su-rvnn: every phrase of this tree is composed with the shared W ({0}), so here it computes what rvnn does.</source>
        <translation>su-rvnn：这棵树的每个短语都用共享的 W 组合（{0}），所以这里它的计算与 rvnn 相同。</translation>
    </message>
    <message>
        <source>su-rvnn: {0} of {1} phrases use their children&apos;s category pair&apos;s own W_ab (named under the node); the others the shared W.</source>
        <translation>su-rvnn：{1} 个短语中有 {0} 个使用其子结点类别对自己的 W_ab（标在结点下方）；其余使用共享的 W。</translation>
    </message>
    <message>
        <source>predicted {0} (p = {1:.2f})</source>
        <translation>预测 {0}（p = {1:.2f}）</translation>
    </message>
    <message>
        <source>filled in</source>
        <translation>补上的</translation>
    </message>
    <message>
        <source>given</source>
        <translation>给定的</translation>
    </message>
    <message>
        <source>label {0} ({1})</source>
        <translation>标签 {0}（{1}）</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>none (filled in from the prediction)</source>
        <translation>无（由预测补上）</translation>
    </message>
    <message>
        <source>Bracket with the word on the left</source>
        <translation>与左边的词括在一起</translation>
    </message>
    <message>
        <source>Bracket with the word on the right</source>
        <translation>与右边的词括在一起</translation>
    </message>
    <message>
        <source>Bracket with the selected node (Shift+click)</source>
        <translation>与所选节点括在一起（Shift+点击）</translation>
    </message>
</context>
<context>
    <name>UnrolledView</name>
    <message>
        <source>x_{0} = &apos;{1}&apos;</source>
        <translation>x_{0} = &apos;{1}&apos;</translation>
    </message>
    <message>
        <source> (not in the vocabulary: read as &lt;unk&gt;)</source>
        <translation>（不在词表中：按 &lt;unk&gt; 读入）</translation>
    </message>
    <message>
        <source>h_{0}, layer {1}, {2}</source>
        <translation>h_{0}，第 {1} 层，{2}</translation>
    </message>
</context>
</TS>
