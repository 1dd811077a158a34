<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>AttentionHeatmap</name>
    <message>
        <source>weights α_tn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>scores s(x_n, q_t)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>α = softmax(s): the softmax turns each row of scores into weights</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This encoder-decoder has no attention (attention = none).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} attention ({1}): target step × source position</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>context at the input</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>context at the output</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AttentionPlayground</name>
    <message>
        <source>The score function written out and drawn as halos</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>+ key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>− key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>step 1: α = softmax(s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>drag x_n, q · ★ = Σ α_n x_n</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>step 1: the attention distribution</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>step 2: the weighted average</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>scores s(x_n, q)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preparing the compiled kernels…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BeamView</name>
    <message>
        <source>beam width K</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>length penalty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>score = log p / length^penalty (0: the plain sum; 1: the mean per token)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preparing the compiled kernels for beam search (only the first start is slow)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>beam {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ended</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>extends beam {0} of the step before with &apos;{1}&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ended here; score = log p / length^penalty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>length</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>score</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (did not end)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Final ranking</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BuilderPanel</name>
    <message>
        <source>Fixed by the task</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CheckResult</name>
    <message>
        <source>The check was stopped.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The claim holds.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The claim does not hold.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Measured (seed {0}):</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EncoderDecoderDiagram</name>
    <message>
        <source>encoder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>decoder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>x_{0} = &apos;{1}&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (not in the vocabulary: read as &lt;unk&gt;)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>decoder input at step {0}: &apos;{1}&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>encoder h_{0}, layer {1}{2} (&apos;{3}&apos;)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>decoder s_{0}, layer {1}: reads &apos;{2}&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>attention at step {0}: α = softmax(s(x_n, q)), c = Σ α_n x_n</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>bridge: the decoder&apos;s initial state</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EncoderDecoderEquations</name>
    <message>
        <source>the score function: how well x_n fits the query</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>step 1: the attention distribution (softmax over the source)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>step 2: the weighted average of the inputs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the target token&apos;s probability</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the per-step loss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>zeros</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>copied from the encoder&apos;s last state</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a learned bridge from the final states</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>total loss over the target steps</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EncoderDecoderEvents</name>
    <message>
        <source>encoder layer {0}{1} · n = {2} &apos;{3}&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>bridge: the decoder&apos;s initial state s_0</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>attention · t = {0} (target &apos;{1}&apos;): scores, α, c_t</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>decoder layer {0} · t = {1} (reads &apos;{2}&apos;, target &apos;{3}&apos;)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loss: L = Σ_t L_t = {0:.4g}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Forward</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backward</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EncoderDecoderInput</name>
    <message>
        <source>Type a sentence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Training pair</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Test pair</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>source sentence, then Enter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>target (empty: the model writes it)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The target the loss compares with. Left empty, the model&apos;s own greedy output is used, for you to correct.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pair </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Random</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preparing the compiled kernels for greedy decoding (only the first start is slow): the model writes the target once they are ready…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>typed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>from the task</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>written by the model (greedy), for you to correct</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>target</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EncoderDecoderInspector</name>
    <message>
        <source> (not in the vocabulary: read as &lt;unk&gt;)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>source token x_{0} &apos;{1}&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inputs are known from the start.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>embedding</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>decoder input at step {0}: &apos;{1}&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Teacher forcing: step t reads the target token of step t − 1 (&lt;bos&gt; first).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>encoder h_{0}, layer {1}{2} &apos;{3}&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>decoder s_{0}, layer {1}, reads &apos;{2}&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not computed yet: the forward pass reaches it at event {0}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Forward and backward pass done here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Forward pass done; the backward pass has not reached it yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not computed yet: the encoder comes first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The decoder starts from s_0.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>bridge: the decoder&apos;s initial state</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>attention at step {0} (target &apos;{1}&apos;)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not computed yet: the attention of this step runs at event {0}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Looks most at x_{0} &apos;{1}&apos; (α = {2}); spread −Σ α log α = {3}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>output y_{0}: p(y | y_&lt;t, x), target &apos;{1}&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not computed yet: it needs s_t and c_t.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The likeliest token is &apos;{0}&apos; (p = {1}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>L = Σ_t L_t; the backward pass starts from here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not computed yet: the loss comes after the forward pass.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>loss L</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EncoderDecoderViewSet</name>
    <message>
        <source>Attention heat map</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Beam search</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attention playground</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EquationView</name>
    <message>
        <source>Copy the equations</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Equations</name>
    <message>
        <source>input gate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>forget gate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>candidate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>output gate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>reset gate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>update gate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>residual: the notes&apos; h_t = h_{t-1} + g(x_t, h_{t-1})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cell state</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>candidate (textbook variant)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>candidate (PyTorch variant)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a window over the inputs, no recurrence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>from the output above and from the next step (BPTT)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>carried back along the cell state</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>total loss</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ExchangeActions</name>
    <message>
        <source>Export &amp;trace…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Import weights…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E&amp;xport weights…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no run to export yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export the trace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not export the trace: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wrote {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export the weights</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not export the weights: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import weights</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not import the weights: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import weights from {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read the weights in {0}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ExplanationPanel</name>
    <message>
        <source>simple RNN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>residual RNN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>time-delay network (TDNN)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>GRU (PyTorch variant)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>GRU (textbook variant)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>LSTM</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>stacked RNN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>bidirectional RNN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>encoder-decoder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>attention</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>recursive network (RvNN)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>syntactically untied RvNN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>matrix-vector RNN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>recursive neural tensor network</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This network</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Explain the network on screen, or any other model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open or build a network to see its explanation.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About this model</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ExportFigures</name>
    <message>
        <source>Export figures into</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Writing the figures…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export figures</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write the figures: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} figures written into {1}.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FigureMenu</name>
    <message>
        <source>Copy figure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save figure as PNG…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save figure as SVG (vector)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save figure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Figure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot make the figure: {0}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FileActions</name>
    <message>
        <source>&amp;New…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save &amp;as…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open &amp;recent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} has changes that are not saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save them first?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>untitled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} (example)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not open {0}: {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not save: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(none yet)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FlowPanel</name>
    <message>
        <source>computing G[t, k]: %v of %m rows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>log10 G[t, k] = log10 ||dL_t/dh_k||</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>loss at t</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>hidden state k</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>decay: G[t, t-d] / G[t, t]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>distance d = t - k (steps back)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>measured</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(σ_max·γ)^d</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> One loss, at the last step: G has one row.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gradient flow, {0}. {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TDNN: no recurrent matrix, the gradient reaches only `delay` steps back per layer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>σ_max(U) = {0:.3f} &lt; 1/γ = {1:.2f}: gradients must vanish.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>σ_max(U) = {0:.3f} ≥ 1/γ = {1:.2f}: gradients can explode (not certain).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>GalleryPanel</name>
    <message>
        <source>Recurrent networks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Encoder–decoders and attention</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recursive networks over parse trees</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open example</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>GatesPanel</name>
    <message>
        <source>input gate i_t</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>forget gate f_t</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>output gate o_t</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>reset gate r_t</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>update gate z_t</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>candidate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cell state c_t</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pre-activation z_t (no gates)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>gates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cell state</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gates of {0}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>GradientPanel</name>
    <message>
        <source>gradient norms along time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>h, layer {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gradients appear during the backward pass (after the loss).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>without interventions</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>GraphView</name>
    <message>
        <source>Fit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoom out (Ctrl+wheel)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoom in (Ctrl+wheel)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HelpMenu</name>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About rnnsim</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;h3&gt;rnnsim {0}&lt;/h3&gt;&lt;p&gt;Build recurrent, encoder–decoder and recursive neural networks for NLP, step through their forward pass and back-propagation one event at a time, and train them while watching them learn.&lt;/p&gt;&lt;p&gt;The engine (the &lt;tt&gt;simulator&lt;/tt&gt; package) runs without the window; the README explains the window, the command line and the file formats.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HiddenStatePanel</name>
    <message>
        <source>unit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>hidden state h_t, {0}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>InputPanel</name>
    <message>
        <source>Type a sentence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Training example</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Test example</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type a sentence and press Enter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>example </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Random</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>target:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The class the loss compares the output with</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} reads numbers, not text</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>InspectorPanel</name>
    <message>
        <source>layer {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>h_t, {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not computed yet: the forward pass reaches it at event {0}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Forward and backward pass done here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Forward pass done; BPTT has not reached it yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>h prev</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>c before</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>h before</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>input x_t · t = {0} &apos;{1}&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not in the vocabulary: read as &lt;unk&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>row {0} of the embedding table (&apos;{1}&apos;)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>embedding</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inputs are known from the start.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the sequence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>output ŷ, {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The forward pass has reached this output.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not computed yet: the top layer has not reached it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>o (logit)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>loss L</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>L = Σ_t L_t; BPTT starts from here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Intervene</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clamp a gate, zero a unit or set h_t / c_t at this step (undo: Ctrl+Z)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not computed yet: the loss comes after the forward pass.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>InterventionDialog</name>
    <message>
        <source>Intervene at t = {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>zero units: h = 0</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>set h_t</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>clamp a gate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>set c_t</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A sigmoid gate takes 0 to 1; the candidate −1 to 1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One number for every unit chosen, or one for them all</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>all</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;all&apos;, or unit numbers separated by commas: 0, 2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>at every step (else only at t = {0})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Intervention</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gate value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Values</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Units</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Units: &apos;{0}&apos; is not a unit number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;{0}&apos; is not a number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Intervene: {0}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Interventions</name>
    <message>
        <source>moved by up to {0:.3g} from the run without interventions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Intervene: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zero units…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set h_t…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clamp a gate…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set c_t…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear interventions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>every t</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} at {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(layer {0}, {1})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>forward</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>reverse</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>with {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>loss {0:.3f} → {1:.3f} with {2}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>JobProgress</name>
    <message>
        <source>Stop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop the check or sweep within a few steps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>checking…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sweeping…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>run {0}: step {1} of {2}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>run {0} of {1}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>KernelWarmup</name>
    <message>
        <source>Compiling the kernels for {0} (only the first start compiles): step {1} of {2}, {3} s…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LanguageMenu</name>
    <message>
        <source>&amp;Language</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LessonDocks</name>
    <message>
        <source>Lessons</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LessonGuide</name>
    <message>
        <source>Training starts once the compiled kernels are ready (only the first start compiles)…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LessonSteps</name>
    <message>
        <source>The Training tab has no setting {0}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This task has no setting {0}.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LessonView</name>
    <message>
        <source>Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Go</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Train</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compare</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sweep</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The notes&apos; sections as demonstrations: each opens an example, does its steps for you and checks its claim.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open lesson</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>← All lessons</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Leave this lesson (what it runs stops; nothing is saved)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Steps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>seed of the check and the sweep:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Claim:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✓ holds on seed {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✗ does not hold on seed {0}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LessonsMenu</name>
    <message>
        <source>Less&amp;ons</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the lessons</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Leave the lesson</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Network</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Examples</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inspector</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hidden state</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Output and loss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gradients</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gradient flow</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Parameter gradients</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export &amp;figures…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear interventions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reset layout</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preparing the compiled kernels (the first start compiles them: this takes a while; later starts are quick)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Something went wrong: {0}. Your network is unchanged; please report this with the text printed in the terminal.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ModelComparison</name>
    <message>
        <source>The same tree through each model: predicted class at every node. A model not trained here yet starts from the init seed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use {0} with these weights (undoable)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>loss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} steps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>trained {0} steps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>untrained: from the init seed</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NewProjectDialog</name>
    <message>
        <source>New project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>recurrent network over the sentences</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>task</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>tree model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cell</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>hidden size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the encoder&apos;s and the decoder&apos;s cell</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NodeInspector</name>
    <message>
        <source>unit j = </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The unit whose equations are shown (or click a row)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inspector</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing has run yet.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OutputPanel</name>
    <message>
        <source>p(class) per step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>per-step loss L_t</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>outputs per step (x: target)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>p(class)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>outputs (▲ target)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, ▲ target</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>L = {0:.4g}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ParameterPanel</name>
    <message>
        <source>parameter gradients, log10 ||dL/dW||</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PlotPanel</name>
    <message>
        <source>Waiting for a network to run…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing to show until the network has run.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>layer {0}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Presentation</name>
    <message>
        <source>&amp;Presentation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Larger text and lines</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Smaller text and lines</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Usual size</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RecurrentEvents</name>
    <message>
        <source>Loss: L = Σ_t L_t = {0:.4g}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>layer {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Forward</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backward (BPTT)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Session</name>
    <message>
        <source>Set {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Initial weights from seed {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reinitialise weights</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear interventions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Interventions that no longer fit were left out.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preparing the compiled kernels for {0} (only the first start is slow)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This input does not fit the network: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kernels ready.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SpecForm</name>
    <message>
        <source>Task</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Network</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Weights</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>init seed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Initial weights are drawn from this seed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Draw new weights</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Forget training: draw the weights again from the init seed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a number, or empty for none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a whole number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} = {1!r} is not allowed: {2}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>init_seed = {0!r} is not allowed: a whole number &gt;= 0</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not used now: {0} (kept for when you switch back)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trained for {0} steps.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loaded from the project file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Untrained: drawn from seed {0}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>score function</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>additive vᵀ tanh(W x + U q), dot xᵀ q, scaled dot xᵀ q / √d, bilinear xᵀ W q; none: the decoder sees the source only through its initial state</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>context enters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>output (Luong): the query is s_t, the output reads [s_t; c_t]; input (Bahdanau): the query is s_{t-1} and the decoder also reads c_t</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>attention size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>rows of W and U in the additive score</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>encoder cell</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the encoder&apos;s recurrent cell</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>encoder hidden size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>units in each encoder layer and direction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>encoder layers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>stacked encoder layers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>bidirectional encoder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a second direction reads the source backwards</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>decoder cell</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the decoder&apos;s recurrent cell</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>decoder hidden size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>units in each decoder layer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>decoder layers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>stacked decoder layers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>bridge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the decoder&apos;s initial state: copied or learned from the encoder&apos;s last state (auto), always learned, or zeros (attention only)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>source embedding size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>width of each source token&apos;s vector</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>target embedding size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>width of each target token&apos;s vector</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>precision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>float64 (exact) or float32</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>rvnn p = f(W [c1; c2] + b); su-rvnn: a W_ab per pair of children&apos;s categories; mv-rnn: a vector and a matrix per node; rntn: a tensor term [c1; c2]ᵀ V [c1; c2]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>vector size d</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the size of every word and phrase vector</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>activation f</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the composition&apos;s nonlinearity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cell</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>rnn: h_t = f(U h_{t-1} + W x_t + b); gru; lstm; tdnn: a window over past inputs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>activation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>f of a simple RNN or TDNN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>used by rnn and tdnn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>residual</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>h_t = h_{t-1} + f(...): the notes&apos; remedy for vanishing gradients</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>used by rnn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>GRU variant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pytorch: r ⊙ (U_n h + c_n); textbook: U_n (r ⊙ h)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>used by gru</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>delay K</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>how many past inputs the TDNN window reads</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>used by tdnn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>σ_max(U) at start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>scale each recurrent matrix U to this largest singular value when the weights are drawn (empty: the usual random start); above 1 gradients can explode, below 1 they vanish</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a tdnn has no recurrent matrix</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>embedding size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>width of each token&apos;s vector</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the task&apos;s inputs are numbers, not tokens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>hidden size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>units in each layer and direction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>layers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>stacked recurrent layers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>bidirectional</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a second direction reads the sentence backwards</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pooling</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>seq2class: the last state, or the mean over time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>used by seq2class</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>each step of {0} is a vector of {1} numbers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the vocabulary of {0} has {1} tokens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} has {1} classes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} predicts {1} number(s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>one output per step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>one output per sequence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>classes: softmax + cross-entropy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>numbers: squared error</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StepperBar</name>
    <message>
        <source>Start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Go to the first event (Home)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Step back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One event back (Left)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Play</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Play or pause (Space)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One event forward (Right)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Jump to the loss, between forward and backward (L)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>End</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Go to the last event (End)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} / s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pause</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Events per second while playing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No trace yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>event {0} of {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0}    ({1})</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SweepPlot</name>
    <message>
        <source>length</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>test accuracy</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TaskForm</name>
    <message>
        <source>seed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>training examples</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>test examples</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>length</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>shortest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>longest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>fewest words</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>most words</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>delay</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>symbols</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>target</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>test file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>test share</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>source format</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>target format</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>earliest year</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>latest year</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>largest number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>direction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>split into</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The data set the network trains on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A few training examples (input -&gt; target):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Press “Use this task” to build it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} = {1!r} is not allowed: {2}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TaskWords</name>
    <message>
        <source>very negative</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>negative</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>neutral</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>positive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>very positive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>even</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>odd</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Timeline</name>
    <message>
        <source>All events: forward pass, loss, backward pass. Click or drag.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TokenChips</name>
    <message>
        <source>step {0}: &apos;{1}&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> — not in the vocabulary, read as &lt;unk&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>target at step {0}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TrainingController</name>
    <message>
        <source>Open or build a network first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The compiled kernels for {0} are still being prepared; try again in a moment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Training failed: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Train to step {0}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TrainingCurves</name>
    <message>
        <source>loss (training, and test dashed)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>accuracy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>gradient norm ‖g‖ (◆ clipped)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Press Start in the Training panel to train the network.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;span style=&apos;color:{0}&apos;&gt;┄ mean predictor: ½·MSE = {1:.4g} (its test MSE {2:.4g}); the loss is ½·MSE&lt;/span&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} · step {1}/{2} · loss {3:.4g} · {4:.0f} steps/s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>test MSE {0:.4g} (mean predictor {1:.4g})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>test accuracy {0:.3f}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>negated phrases {0:.3f} (of {1})</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TrainingDocks</name>
    <message>
        <source>Training</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Training curves</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TrainingPanel</name>
    <message>
        <source>Task</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use this task</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Build the task with these settings; the network keeps its cell and sizes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Training</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compare</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Train this network (A) and the same one differing only in the setting chosen here (B) on the same task and seed, both from their initial weights; their curves share the axes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Train the given number of steps (or resume)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pause</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop after the current step; Start resumes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>End this run, keeping the weights it reached</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Forget training: draw the weights again from the init seed (undoable)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>also train a second network with</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resume</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop the run to change its settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Training…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>step %v</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>step %v of %m</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0:.0f} steps per second</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Training of {0} diverged at step {1}&lt;/b&gt;: {2}; {3}.&lt;br&gt;Gradient norms of the last good step: {4}.&lt;br&gt;Try a smaller learning rate or gradient clipping. Undo (Ctrl+Z) brings back earlier weights.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Training finished.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Training stopped.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Training paused; the views show the weights reached.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Training diverged; the last good weights are kept.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Training of {0} diverged at step {1} ({2}); the last good weights are kept.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TrainingSettingsForm</name>
    <message>
        <source>off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>by norm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>by value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>optimiser</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sgd, momentum or adam</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>learning rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>step size of every update</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>momentum</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>share of the last update kept</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>gradient clipping</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>by norm: g ← g·c/‖g‖ when ‖g‖ &gt; c; by value: each entry into [−c, c]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>clip at c</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the threshold c</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>weight decay λ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>p ← p − lr (g + λ p); 0 turns it off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>truncated BPTT</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>gradients flow back at most this many steps; 0: full BPTT</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>batch size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>examples per update</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>seed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the order of the batches</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>steps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>how many updates Start runs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>test every</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>steps between test-set evaluations; 0: never</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a whole number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} = {1!r} is not allowed: {2}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TreeEditor</name>
    <message>
        <source>Type a tree or a sentence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Training tree</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Test tree</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>tree </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Random</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read (Ctrl+Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(3 (2 not) (4 good))  or  (S (NP the film) (VP is good))  or a sentence</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TreeEquations</name>
    <message>
        <source>a word: its row of the embedding L</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the tensor term, the W term and the bias</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>each child&apos;s vector is first multiplied by the other&apos;s matrix</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>syntactically untied: W_ab for this pair</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>one W shared by every phrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the phrase&apos;s matrix, from its children&apos;s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the node&apos;s class probabilities</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>label filled in from the prediction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the node&apos;s own loss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the node&apos;s own classifier and its parent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>passed on to both children through W</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the sum over the labelled nodes</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TreeEvents</name>
    <message>
        <source>Loss: L = Σ_n L_n = {0:.4g}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>p = L[w]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>p = f(z)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Forward (bottom-up)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>∂L/∂p</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>δ = ∂L/∂z</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backward (top-down)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>node {0}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TreeInspector</name>
    <message>
        <source>word</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>phrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not computed yet: the forward pass reaches it at event {0}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Forward and backward pass done here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Composed; the backward pass has not reached it yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the node&apos;s matrix P (mv-rnn)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>by unit: W term (blue), tensor term (red)&lt;br&gt;‖W x‖ = {0:.3f}, ‖xᵀ V x‖ = {1:.3f}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>loss L</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back-propagation through structure starts from here, at the root.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TreeView</name>
    <message>
        <source>predicted class</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A node&apos;s colour is its predicted class; the small dot is the label it is trained towards (hollow: filled in from the prediction). Right-click a node to change its label or its bracketing; Shift+click a neighbour of the selected node to bracket the two.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>this tree has no categories</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the network unties no pair</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none of its children&apos;s category pairs is untied</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>su-rvnn: every phrase of this tree is composed with the shared W ({0}), so here it computes what rvnn does.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>su-rvnn: {0} of {1} phrases use their children&apos;s category pair&apos;s own W_ab (named under the node); the others the shared W.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>predicted {0} (p = {1:.2f})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>filled in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>given</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>label {0} ({1})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Label</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none (filled in from the prediction)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bracket with the word on the left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bracket with the word on the right</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bracket with the selected node (Shift+click)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>UnrolledView</name>
    <message>
        <source>x_{0} = &apos;{1}&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (not in the vocabulary: read as &lt;unk&gt;)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>h_{0}, layer {1}, {2}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
