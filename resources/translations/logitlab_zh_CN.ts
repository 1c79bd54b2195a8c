<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>ClassesModel</name>
    <message>
        <source>class</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>probability</source>
        <translation>概率</translation>
    </message>
    <message>
        <source>logit</source>
        <translation>logit</translation>
    </message>
    <message>
        <source>target</source>
        <translation>目标</translation>
    </message>
    <message>
        <source>CE term</source>
        <translation>交叉熵项</translation>
    </message>
    <message>
        <source>The class</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>The value in the input table</source>
        <translation>输入表中的值</translation>
    </message>
    <message>
        <source>The model&apos;s probability for the class</source>
        <translation>模型给该类别的概率</translation>
    </message>
    <message>
        <source>The target the loss compares with (after label smoothing)</source>
        <translation>损失所比较的目标（标签平滑之后）</translation>
    </message>
    <message>
        <source>The class&apos;s share of the sample&apos;s loss</source>
        <translation>该类别在样本损失中所占的部分</translation>
    </message>
    <message>
        <source>How the loss changes as this class&apos;s logit grows</source>
        <translation>该类别的 logit 增大时损失如何变化</translation>
    </message>
</context>
<context>
    <name>CodePanel</name>
    <message>
        <source>Library</source>
        <translation>库</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>复制(&amp;C)</translation>
    </message>
    <message>
        <source>Copy this code to the clipboard, exactly as shown.</source>
        <translation>将这段代码按显示的原样复制到剪贴板。</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>代码</translation>
    </message>
</context>
<context>
    <name>CompareView</name>
    <message>
        <source>Loss of each sample under each model</source>
        <translation>每个模型下各样本的损失</translation>
    </message>
    <message>
        <source>Probabilities of the selected sample under each model</source>
        <translation>所选样本在各模型下的概率</translation>
    </message>
    <message>
        <source>One model: add a model to compare (the Models menu above the input table, or the button below).</source>
        <translation>只有一个模型：添加一个模型即可比较（输入表上方的“模型”菜单，或下面的按钮）。</translation>
    </message>
    <message>
        <source>Duplicate this model to compare</source>
        <translation>复制此模型以作比较</translation>
    </message>
    <message>
        <source>Add a copy of the current model as a second model; then change its numbers.</source>
        <translation>把当前模型复制为第二个模型，然后修改它的数值。</translation>
    </message>
    <message>
        <source>Batch loss (lower is better):</source>
        <translation>批次损失（越低越好）：</translation>
    </message>
    <message>
        <source>All digits</source>
        <translation>全部位数</translation>
    </message>
    <message>
        <source>Show every digit of each batch loss (as scikit-learn prints it), not 4</source>
        <translation>显示每个批次损失的全部位数（与 scikit-learn 的输出相同），而不是 4 位</translation>
    </message>
    <message>
        <source>★ lowest</source>
        <translation>★ 最低</translation>
    </message>
    <message>
        <source>{name}: no sample is counted, so there is no batch loss</source>
        <translation>{name}：没有计入任何样本，因此没有批次损失</translation>
    </message>
    <message>
        <source>{name}: batch loss L = {loss} {unit} (lower is better)</source>
        <translation>{name}：批次损失 L = {loss} {unit}（越低越好）</translation>
    </message>
    <message>
        <source>The lowest of the models.</source>
        <translation>各模型中最低。</translation>
    </message>
    <message>
        <source>Click to show and edit this model.</source>
        <translation>单击以显示并编辑此模型。</translation>
    </message>
    <message numerus="yes">
        <source>and %n more</source>
        <translation>
            <numerusform>另有 %n 个</numerusform>
        </translation>
    </message>
    <message>
        <source>Loss of each sample (lower is better):</source>
        <translation>各样本的损失（越低越好）：</translation>
    </message>
    <message>
        <source>labels y</source>
        <translation>标签 y</translation>
    </message>
    <message>
        <source>target y</source>
        <translation>目标 y</translation>
    </message>
    <message>
        <source>smoothed target y′</source>
        <translation>平滑后的目标 y′</translation>
    </message>
    <message>
        <source>The selected sample: each model&apos;s p beside the</source>
        <translation>所选样本：各模型的 p，旁边是</translation>
    </message>
    <message>
        <source>{name}: {loss}</source>
        <translation>{name}：{loss}</translation>
    </message>
    <message>
        <source>Batch losses: {losses}. Lowest: {lowest}.</source>
        <translation>批次损失：{losses}。最低：{lowest}。</translation>
    </message>
</context>
<context>
    <name>ConventionsView</name>
    <message>
        <source>{library} divides each probability row by its sum first: the row of sample “{sample}” sums to {sum}.</source>
        <translation>{library} 先将每行概率除以该行之和：样本“{sample}”这一行之和为 {sum}。</translation>
    </message>
    <message>
        <source>{library} clips p to [{low}, {high}] before the logarithm: p({class_name}) = {p} in sample “{sample}” counts as {clipped}.</source>
        <translation>{library} 在取对数之前把 p 截断到 [{low}, {high}]：样本“{sample}”中的 p({class_name}) = {p} 按 {clipped} 计算。</translation>
    </message>
    <message>
        <source>{library} gets p({class_name}) in sample “{sample}” as exactly 0 in float64 (anything below {smallest} is 0), where the logits give ln p = {log_p}.</source>
        <translation>{library} 在 float64 中得到样本“{sample}”的 p({class_name}) 恰好为 0（小于 {smallest} 的数都成为 0），而由 logits 算出的 ln p = {log_p}。</translation>
    </message>
    <message>
        <source>{library} gets p({class_name}) in sample “{sample}” as exactly 1 in float64 (1 − p below {one} is lost), where the logits give ln(1 − p) = {log_p}.</source>
        <translation>{library} 在 float64 中得到样本“{sample}”的 p({class_name}) 恰好为 1（小于 {one} 的 1 − p 会丢失），而由 logits 算出的 ln(1 − p) = {log_p}。</translation>
    </message>
    <message>
        <source>{library} clamps each logarithm at {bound}: ln p({class_name}) in sample “{sample}”, with p = {p}, counts as {bound}.</source>
        <translation>{library} 把每个对数限制在不低于 {bound}：样本“{sample}”中 p = {p} 的 ln p({class_name}) 按 {bound} 计算。</translation>
    </message>
    <message>
        <source>{library} clamps each logarithm at {bound}: ln(1 − p({class_name})) in sample “{sample}”, with p = {p}, counts as {bound}.</source>
        <translation>{library} 把每个对数限制在不低于 {bound}：样本“{sample}”中 p = {p} 的 ln(1 − p({class_name})) 按 {bound} 计算。</translation>
    </message>
    <message>
        <source>{library} multiplies the target 0 of {class_name} in sample “{sample}” by ln 0 = −∞ and gets nan, where Logit Lab counts 0 · ln 0 as 0.</source>
        <translation>{library} 把样本“{sample}”中 {class_name} 的目标 0 乘以 ln 0 = −∞，得到 nan；而 Logit Lab 将 0 · ln 0 记为 0。</translation>
    </message>
    <message>
        <source>{library} uses rows that do not sum to 1 as they are, with a warning (the row of sample “{sample}” sums to {sum}): the value stays the textbook&apos;s.</source>
        <translation>{library} 按原样使用和不为 1 的行，并给出警告（样本“{sample}”这一行之和为 {sum}）：数值与教科书相同。</translation>
    </message>
    <message>
        <source>{library} cannot compute this loss: it takes no class weights.</source>
        <translation>{library} 无法计算这个损失：它不支持类别权重。</translation>
    </message>
    <message>
        <source>{library} cannot compute this loss: it takes no pos_weight.</source>
        <translation>{library} 无法计算这个损失：它不支持 pos_weight。</translation>
    </message>
    <message>
        <source>{library} cannot compute this loss: it cannot leave samples out (ignore_index).</source>
        <translation>{library} 无法计算这个损失：它不能略去样本（ignore_index）。</translation>
    </message>
    <message>
        <source>{library} cannot compute this loss: it takes no label smoothing.</source>
        <translation>{library} 无法计算这个损失：它不支持标签平滑。</translation>
    </message>
    <message>
        <source>{library} cannot compute this loss: it takes only targets of 0 and 1.</source>
        <translation>{library} 无法计算这个损失：它只接受 0 和 1 的目标。</translation>
    </message>
    <message>
        <source>{library} cannot compute this loss: it needs at least two classes.</source>
        <translation>{library} 无法计算这个损失：它至少需要两个类别。</translation>
    </message>
    <message>
        <source>{library} cannot compute this loss: every counted sample&apos;s class weight is 0.</source>
        <translation>{library} 无法计算这个损失：每个计入样本的类别权重都是 0。</translation>
    </message>
    <message>
        <source>(%n classes of that sample.)</source>
        <translation>（该样本中共 %n 个类别。）</translation>
    </message>
    <message>
        <source>Other samples it changes: %n.</source>
        <translation>它还改变了另外 %n 个样本。</translation>
    </message>
    <message>
        <source>Batch</source>
        <translation>批次</translation>
    </message>
    <message>
        <source>the logits</source>
        <translation>logits</translation>
    </message>
    <message>
        <source>the probabilities</source>
        <translation>概率</translation>
    </message>
    <message>
        <source>Each library&apos;s own call, from {source} as the table holds them; losses in {unit}.</source>
        <translation>各库自己的调用，输入是表中的数值（{source}）；损失单位：{unit}。</translation>
    </message>
    <message>
        <source>Sample “{name}”</source>
        <translation>样本“{name}”</translation>
    </message>
    <message>
        <source>cannot compute it</source>
        <translation>无法计算</translation>
    </message>
    <message>
        <source>Logit Lab&apos;s own value: p = 0 for a class the target gives mass makes it ∞.</source>
        <translation>Logit Lab 自己的值：目标赋予概率质量的类别若 p = 0，损失即为 ∞。</translation>
    </message>
    <message>
        <source>No rule of {library} changes this loss: the value is the textbook&apos;s.</source>
        <translation>{library} 的规则都不改变这个损失：数值与教科书相同。</translation>
    </message>
    <message>
        <source>Textbook</source>
        <translation>教科书</translation>
    </message>
</context>
<context>
    <name>Document</name>
    <message>
        <source>Edit {name}</source>
        <translation>编辑 {name}</translation>
    </message>
    <message>
        <source>Add a model</source>
        <translation>添加模型</translation>
    </message>
    <message>
        <source>Duplicate model &apos;{name}&apos;</source>
        <translation>复制模型“{name}”</translation>
    </message>
    <message>
        <source>Rename model &apos;{old}&apos; to &apos;{new}&apos;</source>
        <translation>将模型“{old}”重命名为“{new}”</translation>
    </message>
    <message>
        <source>Move model &apos;{name}&apos;</source>
        <translation>移动模型“{name}”</translation>
    </message>
    <message>
        <source>Remove model &apos;{name}&apos;</source>
        <translation>删除模型“{name}”</translation>
    </message>
</context>
<context>
    <name>FileController</name>
    <message>
        <source>Do you want to save the changes to “{name}”?</source>
        <translation>是否保存对“{name}”的更改？</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>未保存的更改</translation>
    </message>
    <message>
        <source>If you don&apos;t save them, your changes will be lost.</source>
        <translation>如果不保存，您的更改将会丢失。</translation>
    </message>
    <message>
        <source>Logit Lab did not close normally last time and kept your unsaved work. Do you want to restore it?</source>
        <translation>Logit Lab 上次未正常关闭，并保留了您未保存的工作。是否恢复？</translation>
    </message>
    <message>
        <source>Restore unsaved work?</source>
        <translation>恢复未保存的工作？</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>恢复</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>丢弃</translation>
    </message>
    <message>
        <source>It is read-only. Replacing it writes a new file with your changes, read-only like the old one.</source>
        <translation>该文件为只读。替换它会写入一个包含您更改的新文件，并与原文件一样为只读。</translation>
    </message>
    <message>
        <source>It has {count} names (hard links). Only this name will show your changes; the other names keep the old content.</source>
        <translation>该文件有 {count} 个名称（硬链接）。只有这个名称会显示您的更改；其他名称仍保留旧内容。</translation>
    </message>
    <message>
        <source>Replace File?</source>
        <translation>替换文件？</translation>
    </message>
    <message>
        <source>Replace “{name}”?</source>
        <translation>替换“{name}”？</translation>
    </message>
    <message>
        <source>Replace</source>
        <translation>替换</translation>
    </message>
    <message>
        <source>Open Scenario</source>
        <translation>打开场景</translation>
    </message>
    <message>
        <source>Logit Lab scenarios (*.json);;All files (*)</source>
        <translation>Logit Lab 场景 (*.json);;所有文件 (*)</translation>
    </message>
    <message>
        <source>&amp;New</source>
        <translation>新建(&amp;N)</translation>
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
        <source>Save &amp;As…</source>
        <translation>另存为(&amp;A)…</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Examples</source>
        <translation>示例(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>导出(&amp;E)</translation>
    </message>
    <message>
        <source>Results as &amp;CSV…</source>
        <translation>结果（CSV）(&amp;C)…</translation>
    </message>
    <message>
        <source>Plots as &amp;PNG…</source>
        <translation>图表（PNG）(&amp;P)…</translation>
    </message>
    <message>
        <source>Plots as &amp;SVG…</source>
        <translation>图表（SVG）(&amp;S)…</translation>
    </message>
    <message>
        <source>The Math as &amp;Text…</source>
        <translation>数学推导（纯文本）(&amp;T)…</translation>
    </message>
    <message>
        <source>The Math as &amp;Markdown…</source>
        <translation>数学推导（Markdown）(&amp;M)…</translation>
    </message>
    <message>
        <source>Copy as &amp;Code</source>
        <translation>复制为代码(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;PyTorch</source>
        <translation>&amp;PyTorch</translation>
    </message>
    <message>
        <source>&amp;Keras</source>
        <translation>&amp;Keras</translation>
    </message>
    <message>
        <source>&amp;scikit-learn</source>
        <translation>&amp;scikit-learn</translation>
    </message>
    <message>
        <source>No recent files</source>
        <translation>没有最近的文件</translation>
    </message>
    <message>
        <source>&amp;Clear Menu</source>
        <translation>清除菜单(&amp;C)</translation>
    </message>
    <message>
        <source>Cannot Open File</source>
        <translation>无法打开文件</translation>
    </message>
    <message>
        <source>“{name}” cannot be opened: {reason}.</source>
        <translation>无法打开“{name}”：{reason}。</translation>
    </message>
    <message>
        <source>Save Scenario As</source>
        <translation>场景另存为</translation>
    </message>
    <message>
        <source>Logit Lab scenarios (*.json)</source>
        <translation>Logit Lab 场景 (*.json)</translation>
    </message>
    <message>
        <source>Save Failed</source>
        <translation>保存失败</translation>
    </message>
    <message>
        <source>“{name}” was not saved: {reason}.</source>
        <translation>未保存“{name}”：{reason}。</translation>
    </message>
    <message>
        <source>“{name}” could not be written: {reason}.</source>
        <translation>无法写入“{name}”：{reason}。</translation>
    </message>
    <message>
        <source>lesson.json</source>
        <translation>课程.json</translation>
    </message>
    <message>
        <source>Save Lesson As</source>
        <translation>课程另存为</translation>
    </message>
    <message>
        <source>Logit Lab lessons (*.json)</source>
        <translation>Logit Lab 课程 (*.json)</translation>
    </message>
    <message>
        <source>Saved the lesson as {name}.</source>
        <translation>课程已保存为 {name}。</translation>
    </message>
    <message>
        <source>Untitled</source>
        <translation>未命名</translation>
    </message>
    <message>
        <source>Autosave failed: {reason}. Save your work to keep it.</source>
        <translation>自动保存失败：{reason}。请保存您的工作以免丢失。</translation>
    </message>
    <message>
        <source>the file would be {size} MB, more than the {limit} MB Logit Lab can open; remove rows or classes first</source>
        <translation>文件将为 {size} MB，超过 Logit Lab 能打开的 {limit} MB；请先删除一些行或类别</translation>
    </message>
    <message>
        <source>Cannot Restore Unsaved Work</source>
        <translation>无法恢复未保存的工作</translation>
    </message>
    <message>
        <source>Unsaved work that Logit Lab kept after it did not close normally cannot be opened: {reason}. The file is kept as “{path}”.</source>
        <translation>Logit Lab 未正常关闭时保留的未保存工作无法打开：{reason}。该文件保留为“{path}”。</translation>
    </message>
    <message>
        <source>Restore unsaved work</source>
        <translation>恢复未保存的工作</translation>
    </message>
    <message>
        <source>Export Results</source>
        <translation>导出结果</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>PNG 图像 (*.png)</translation>
    </message>
    <message>
        <source>SVG images (*.svg)</source>
        <translation>SVG 图像 (*.svg)</translation>
    </message>
    <message>
        <source>Export Plots</source>
        <translation>导出图表</translation>
    </message>
    <message>
        <source>Text files (*.txt)</source>
        <translation>文本文件 (*.txt)</translation>
    </message>
    <message>
        <source>Markdown (*.md)</source>
        <translation>Markdown (*.md)</translation>
    </message>
    <message>
        <source>Export the Math</source>
        <translation>导出数学推导</translation>
    </message>
    <message>
        <source>Copied the code to the clipboard.</source>
        <translation>代码已复制到剪贴板。</translation>
    </message>
    <message>
        <source>Export Failed</source>
        <translation>导出失败</translation>
    </message>
    <message>
        <source>Exported {name}.</source>
        <translation>已导出 {name}。</translation>
    </message>
</context>
<context>
    <name>FormsView</name>
    <message>
        <source>softmax | sigmoid</source>
        <translation>softmax | sigmoid</translation>
    </message>
    <message>
        <source>Sample read both ways</source>
        <translation>以两种方式解读的样本</translation>
    </message>
    <message>
        <source>softmax and sigmoid probabilities</source>
        <translation>softmax 与 sigmoid 的概率</translation>
    </message>
    <message>
        <source>Targets it needs</source>
        <translation>它需要的目标</translation>
    </message>
    <message>
        <source>Its loss</source>
        <translation>它的损失</translation>
    </message>
    <message>
        <source>Targets note</source>
        <translation>目标说明</translation>
    </message>
    <message>
        <source>softmax: one right answer. The classes exclude each other, so the probabilities sum to 1.</source>
        <translation>softmax：唯一正确答案。各类别互斥，所以概率之和为 1。</translation>
    </message>
    <message>
        <source>sigmoid: a yes/no question per class. Each is independent, so the probabilities can sum to anything from 0 to the number of classes.</source>
        <translation>sigmoid：每个类别一个是/否问题。各类别相互独立，所以概率之和可以是 0 到类别数之间的任意值。</translation>
    </message>
    <message>
        <source>Loss of this sample: {loss} {unit}</source>
        <translation>该样本的损失：{loss} {unit}</translation>
    </message>
    <message>
        <source>With one class, softmax is always 1. The two-class softmax of the logits (0, z) is what equals this sigmoid: switch the mode to see it.</source>
        <translation>只有一个类别时，softmax 恒为 1。与这个 sigmoid 相等的是 logits 为 (0, z) 的两类 softmax：切换模式即可看到。</translation>
    </message>
    <message>
        <source>{sample}: the same logits, read two ways</source>
        <translation>{sample}：同一组 logits 的两种解读</translation>
    </message>
    <message>
        <source> (the logits of the probabilities: ln p)</source>
        <translation>（由概率得到的 logits：ln p）</translation>
    </message>
    <message>
        <source> · {shown} of {count} classes shown</source>
        <translation> · 显示 {count} 个类别中的 {shown} 个</translation>
    </message>
    <message>
        <source>{form}: Σp = {total}</source>
        <translation>{form}：Σp = {total}</translation>
    </message>
    <message>
        <source>Targets: none, the sample is ignored (ignore_index).</source>
        <translation>目标：无，该样本被忽略（ignore_index）。</translation>
    </message>
    <message>
        <source>Targets: one class index, {index} (&apos;{name}&apos;).</source>
        <translation>目标：一个类别索引 {index}（“{name}”）。</translation>
    </message>
    <message>
        <source>Targets: one distribution over the classes, summing to 1: {listed}</source>
        <translation>目标：各类别上的一个分布，总和为 1：{listed}</translation>
    </message>
    <message>
        <source>Targets: a label from 0 to 1 for every class: {listed}</source>
        <translation>目标：每个类别一个 0 到 1 之间的标签：{listed}</translation>
    </message>
</context>
<context>
    <name>GradientPlot</name>
    <message>
        <source>Gradient plot</source>
        <translation>梯度图</translation>
    </message>
    <message>
        <source>Gradient ∂L/∂z of the sample loss</source>
        <translation>样本损失的梯度 ∂L/∂z</translation>
    </message>
    <message>
        <source>∂L/∂z</source>
        <translation>∂L/∂z</translation>
    </message>
    <message>
        <source>Gradient</source>
        <translation>梯度</translation>
    </message>
    <message>
        <source>Gradient ∂L/∂z</source>
        <translation>梯度 ∂L/∂z</translation>
    </message>
</context>
<context>
    <name>InputDelegate</name>
    <message>
        <source>True class</source>
        <translation>真实类别</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>值</translation>
    </message>
</context>
<context>
    <name>InputModel</name>
    <message>
        <source>Double-click to rename this sample</source>
        <translation>双击以重命名此样本</translation>
    </message>
    <message>
        <source>true class</source>
        <translation>真实类别</translation>
    </message>
    <message>
        <source>label: {name}</source>
        <translation>标签：{name}</translation>
    </message>
    <message>
        <source>target: {name}</source>
        <translation>目标：{name}</translation>
    </message>
    <message>
        <source>probability</source>
        <translation>概率</translation>
    </message>
    <message>
        <source>logit</source>
        <translation>logit</translation>
    </message>
    <message>
        <source>The {kind} of class &apos;{name}&apos; for each sample; double-click the header to rename the class</source>
        <translation>每个样本在类别“{name}”上的值（{kind}）；双击表头可重命名该类别</translation>
    </message>
    <message>
        <source>The class each sample really is, or &apos;(ignored)&apos; to leave it out</source>
        <translation>每个样本真正所属的类别，或选“（已忽略）”将其排除在外</translation>
    </message>
    <message>
        <source>Tick when the class is present (1), or type a soft label in [0, 1]</source>
        <translation>类别存在时勾选（1），或输入 [0, 1] 内的软标签</translation>
    </message>
    <message>
        <source>The target probability of this class; the others of the row share the rest</source>
        <translation>此类别的目标概率；该行其余类别分摊剩下的部分</translation>
    </message>
    <message>
        <source>This row sums to {total}, not 1: a sample&apos;s probabilities must add up to 1</source>
        <translation>此行之和为 {total}，而不是 1：一个样本的概率之和必须为 1</translation>
    </message>
    <message>
        <source>(ignored)</source>
        <translation>（已忽略）</translation>
    </message>
    <message>
        <source>row {row}, column &apos;{column}&apos;</source>
        <translation>第 {row} 行，“{column}”列</translation>
    </message>
    <message>
        <source>{cell}: {problem}</source>
        <translation>{cell}：{problem}</translation>
    </message>
    <message>
        <source>{cell}: &apos;{text}&apos; is not a class</source>
        <translation>{cell}：“{text}”不是类别</translation>
    </message>
    <message>
        <source>Set the true class of {sample}</source>
        <translation>设置“{sample}”的真实类别</translation>
    </message>
    <message>
        <source>Set target {sample} · {name}</source>
        <translation>设置目标 {sample} · {name}</translation>
    </message>
</context>
<context>
    <name>InputTable</name>
    <message>
        <source>Inputs</source>
        <translation>输入</translation>
    </message>
    <message>
        <source>One row per sample, one column per class, then the targets</source>
        <translation>每行一个样本，每列一个类别，之后是目标</translation>
    </message>
    <message>
        <source>Add sample</source>
        <translation>添加样本</translation>
    </message>
    <message>
        <source>Insert a sample below the current one.</source>
        <translation>在当前样本下方插入一个样本。</translation>
    </message>
    <message>
        <source>Remove samples</source>
        <translation>删除样本</translation>
    </message>
    <message>
        <source>Remove the selected samples.</source>
        <translation>删除所选样本。</translation>
    </message>
    <message>
        <source>Add class</source>
        <translation>添加类别</translation>
    </message>
    <message>
        <source>Insert a class right of the current column.</source>
        <translation>在当前列右侧插入一个类别。</translation>
    </message>
    <message>
        <source>Remove class</source>
        <translation>删除类别</translation>
    </message>
    <message>
        <source>Remove the class of the current column.</source>
        <translation>删除当前列的类别。</translation>
    </message>
    <message>
        <source>Rename class…</source>
        <translation>重命名类别…</translation>
    </message>
    <message>
        <source>Rename the class of the current column.</source>
        <translation>重命名当前列的类别。</translation>
    </message>
    <message>
        <source>Rename sample…</source>
        <translation>重命名样本…</translation>
    </message>
    <message>
        <source>Rename the current sample.</source>
        <translation>重命名当前样本。</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <source>Copy the selected cells as tab-separated text.</source>
        <translation>将所选单元格复制为制表符分隔的文本。</translation>
    </message>
    <message>
        <source>Paste</source>
        <translation>粘贴</translation>
    </message>
    <message>
        <source>Paste a block of numbers at the current cell.</source>
        <translation>在当前单元格处粘贴一块数字。</translation>
    </message>
    <message>
        <source>Input table tools</source>
        <translation>输入表工具</translation>
    </message>
    <message>
        <source>Models</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>Add, duplicate, rename or remove models, to compare their losses on the same samples.</source>
        <translation>添加、复制、重命名或删除模型，以比较它们在相同样本上的损失。</translation>
    </message>
    <message>
        <source>class index</source>
        <translation>类别索引</translation>
    </message>
    <message>
        <source>soft distribution</source>
        <translation>软标签分布</translation>
    </message>
    <message>
        <source>Target kind</source>
        <translation>目标类型</translation>
    </message>
    <message>
        <source>Give each sample one true class, or a target probability for every class.</source>
        <translation>为每个样本指定一个真实类别，或为每个类别指定目标概率。</translation>
    </message>
    <message>
        <source>&amp;Targets:</source>
        <translation>目标(&amp;T)：</translation>
    </message>
    <message>
        <source>Input error</source>
        <translation>输入错误</translation>
    </message>
    <message>
        <source>Row sums warning</source>
        <translation>行和警告</translation>
    </message>
    <message>
        <source>Normalize rows</source>
        <translation>归一化各行</translation>
    </message>
    <message>
        <source>Divide each flagged row by its sum so its probabilities add up to 1.</source>
        <translation>将每个标记的行除以其和，使其概率之和为 1。</translation>
    </message>
    <message>
        <source>Row {rows} does not sum to 1.</source>
        <translation>第 {rows} 行之和不为 1。</translation>
    </message>
    <message numerus="yes">
        <source>%n rows do not sum to 1: {rows}.</source>
        <translation>
            <numerusform>%n 行之和不为 1：{rows}。</numerusform>
        </translation>
    </message>
    <message>
        <source>Choose a cell in the column of a class first.</source>
        <translation>请先在某个类别的列中选择一个单元格。</translation>
    </message>
    <message>
        <source>Remove sample</source>
        <translation>删除样本</translation>
    </message>
    <message numerus="yes">
        <source>Remove %n samples</source>
        <translation>
            <numerusform>删除 %n 个样本</numerusform>
        </translation>
    </message>
    <message>
        <source>Remove class &apos;{name}&apos;</source>
        <translation>删除类别“{name}”</translation>
    </message>
    <message>
        <source>Rename &apos;{old}&apos; to &apos;{new}&apos;</source>
        <translation>将“{old}”重命名为“{new}”</translation>
    </message>
    <message>
        <source>Targets as class indices</source>
        <translation>目标改为类别索引</translation>
    </message>
    <message>
        <source>Targets as soft distributions</source>
        <translation>目标改为软标签分布</translation>
    </message>
    <message>
        <source>Choose a cell among the logits or probabilities to paste into.</source>
        <translation>请在 logits 或概率中选择要粘贴到的单元格。</translation>
    </message>
    <message>
        <source>Paste 1 value</source>
        <translation>粘贴 1 个值</translation>
    </message>
    <message numerus="yes">
        <source>Paste %n values</source>
        <translation>
            <numerusform>粘贴 %n 个值</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>KeyNumbers</name>
    <message>
        <source>Loss of the selected sample</source>
        <translation>所选样本的损失</translation>
    </message>
    <message>
        <source>Probability of the true class</source>
        <translation>真实类别的概率</translation>
    </message>
    <message>
        <source>Batch loss</source>
        <translation>批次损失</translation>
    </message>
    <message>
        <source>Cross-entropy identity</source>
        <translation>交叉熵恒等式</translation>
    </message>
    <message>
        <source>ignored</source>
        <translation>已忽略</translation>
    </message>
    <message>
        <source>p of the true class {cls}</source>
        <translation>真实类别 {cls} 的 p</translation>
    </message>
    <message>
        <source>p of {cls}, the most likely target</source>
        <translation>{cls}（目标概率最大的类别）的 p</translation>
    </message>
    <message>
        <source>Loss of {sample}</source>
        <translation>{sample} 的损失</translation>
    </message>
    <message>
        <source>Batch loss {how}</source>
        <translation>批次损失{how}</translation>
    </message>
    <message>
        <source>CE = H + KL</source>
        <translation>CE = H + KL</translation>
    </message>
</context>
<context>
    <name>LearnPanel</name>
    <message>
        <source>Learn</source>
        <translation>学习</translation>
    </message>
    <message>
        <source>&amp;Step</source>
        <translation>单步(&amp;S)</translation>
    </message>
    <message>
        <source>One gradient step on every logit: z ← z − lr · ∂L/∂z of the batch loss.</source>
        <translation>对每个 logit 做一步梯度下降：z ← z − lr · ∂L/∂z（批次损失的梯度）。</translation>
    </message>
    <message>
        <source>&amp;Play</source>
        <translation>播放(&amp;P)</translation>
    </message>
    <message>
        <source>Take steps one after another, at the speed below; the whole run is one undo step.</source>
        <translation>按下方的速度连续迈步；整次训练是一个撤销步骤。</translation>
    </message>
    <message>
        <source>&amp;Reset</source>
        <translation>重置(&amp;R)</translation>
    </message>
    <message>
        <source>Back to the logits before the run (an undo of it).</source>
        <translation>回到训练前的 logits（即撤销这次训练）。</translation>
    </message>
    <message>
        <source>The learning rate: how far each step moves the logits along −∂L/∂z.</source>
        <translation>学习率：每一步沿 −∂L/∂z 移动 logits 的距离。</translation>
    </message>
    <message>
        <source> steps/s</source>
        <translation> 步/秒</translation>
    </message>
    <message>
        <source>How many steps Play takes per second (at most one per painted frame).</source>
        <translation>播放时每秒走多少步（每绘制一帧最多一步）。</translation>
    </message>
    <message>
        <source>Train the other &amp;form beside it</source>
        <translation>同时训练另一种形式(&amp;F)</translation>
    </message>
    <message>
        <source>For one sigmoid label or two softmax classes: train the equal other form from the same start with the same learning rate, and draw both losses.</source>
        <translation>用于一个 sigmoid 标签或两个 softmax 类别：从同一起点、以相同学习率训练与之相等的另一种形式，并画出两者的损失。</translation>
    </message>
    <message>
        <source>Learn message</source>
        <translation>学习面板消息</translation>
    </message>
    <message>
        <source>Switch to logits (ln p)</source>
        <translation>切换为 logits（ln p）</translation>
    </message>
    <message>
        <source>Turn the probabilities into logits z = ln p (sigmoid: ln p − ln(1 − p)), which can be trained; undo turns them back.</source>
        <translation>把概率转换为可以训练的 logits z = ln p（sigmoid：ln p − ln(1 − p)）；撤销可以转换回来。</translation>
    </message>
    <message>
        <source>Training status</source>
        <translation>训练状态</translation>
    </message>
    <message>
        <source>&amp;Learning rate</source>
        <translation>学习率(&amp;L)</translation>
    </message>
    <message>
        <source>Spee&amp;d</source>
        <translation>速度(&amp;D)</translation>
    </message>
    <message>
        <source>What the pair shows</source>
        <translation>两种形式对比说明</translation>
    </message>
    <message>
        <source>Switch input</source>
        <translation>切换输入</translation>
    </message>
    <message>
        <source>Train the logits</source>
        <translation>训练 logits</translation>
    </message>
    <message>
        <source>The logits no longer move: every step&apos;s gradient is 0.</source>
        <translation>logits 不再变化：每一步的梯度都是 0。</translation>
    </message>
    <message>
        <source>&amp;Pause</source>
        <translation>暂停(&amp;P)</translation>
    </message>
    <message>
        <source>not {name}</source>
        <translation>非{name}</translation>
    </message>
    <message>
        <source>Press Step or Play to train the logits.</source>
        <translation>按“单步”或“播放”来训练 logits。</translation>
    </message>
    <message>
        <source>Step {step} · batch loss {loss} {unit}</source>
        <translation>第 {step} 步 · 批次损失 {loss} {unit}</translation>
    </message>
    <message>
        <source>Step 1 moved this sample&apos;s sigmoid logit z by {logit} and its softmax margin z₁ − z₀ by {margin}: twice as far, as each softmax logit takes the whole gradient.</source>
        <translation>第 1 步把该样本的 sigmoid logit z 移动了 {logit}，把 softmax 的差值 z₁ − z₀ 移动了 {margin}：是前者的两倍，因为 softmax 的每个 logit 都得到完整的梯度。</translation>
    </message>
</context>
<context>
    <name>LessonsController</name>
    <message>
        <source>Open Lesson</source>
        <translation>打开课程</translation>
    </message>
    <message>
        <source>Logit Lab lessons (*.json);;All files (*)</source>
        <translation>Logit Lab 课程 (*.json);;所有文件 (*)</translation>
    </message>
    <message>
        <source>About Logit Lab</source>
        <translation>关于 Logit Lab</translation>
    </message>
    <message>
        <source>Logit Lab {version}</source>
        <translation>Logit Lab {version}</translation>
    </message>
    <message>
        <source>An offline lab for teaching and learning softmax, sigmoid and cross-entropy, with numbers equal to PyTorch&apos;s, Keras&apos; and scikit-learn&apos;s.</source>
        <translation>一个离线的实验室，用来教与学 softmax、sigmoid 和交叉熵；算出的数与 PyTorch、Keras 和 scikit-learn 的一致。</translation>
    </message>
    <message>
        <source>Lessons</source>
        <translation>课程</translation>
    </message>
    <message>
        <source>&amp;Lessons…</source>
        <translation>课程(&amp;L)…</translation>
    </message>
    <message>
        <source>&amp;About Logit Lab</source>
        <translation>关于 Logit Lab(&amp;A)</translation>
    </message>
    <message>
        <source>Add what the window shows now as a step of a lesson you are making</source>
        <translation>把窗口现在显示的内容加为你正在制作的课程的一步</translation>
    </message>
    <message>
        <source>Save &amp;Lesson As…</source>
        <translation>课程另存为(&amp;L)…</translation>
    </message>
    <message>
        <source>Cannot Open Lesson</source>
        <translation>无法打开课程</translation>
    </message>
    <message>
        <source>“{name}” cannot be opened as a lesson: {reason}</source>
        <translation>无法把“{name}”作为课程打开：{reason}</translation>
    </message>
    <message>
        <source>Answer the question first</source>
        <translation>请先回答问题</translation>
    </message>
    <message>
        <source>Step {number} added to the new lesson. File ▸ Save Lesson As… writes it; write its text in the file.</source>
        <translation>第 {number} 步已加入新课程。用“文件 ▸ 课程另存为…”保存，再在文件里写上每一步的讲解。</translation>
    </message>
    <message>
        <source>&amp;New Lesson from Here</source>
        <translation>从这里新建课程(&amp;N)</translation>
    </message>
    <message>
        <source>Add Step {number} from &amp;Here</source>
        <translation>从这里添加第 {number} 步(&amp;H)</translation>
    </message>
</context>
<context>
    <name>LessonsPanel</name>
    <message>
        <source>Lessons</source>
        <translation>课程</translation>
    </message>
    <message>
        <source>Welcome to Logit Lab! Lesson 1 goes through softmax, sigmoid and cross-entropy step by step, with a question at most steps. Begin it now?</source>
        <translation>欢迎使用 Logit Lab！第 1 课一步步讲解 softmax、sigmoid 与交叉熵，大多数步骤都有一道小题。现在开始吗？</translation>
    </message>
    <message>
        <source>&amp;Begin</source>
        <translation>开始(&amp;B)</translation>
    </message>
    <message>
        <source>&amp;Open Lesson File…</source>
        <translation>打开课程文件(&amp;O)…</translation>
    </message>
    <message>
        <source>&amp;Not Now</source>
        <translation>以后再说(&amp;N)</translation>
    </message>
    <message>
        <source>All &amp;Lessons</source>
        <translation>全部课程(&amp;L)</translation>
    </message>
    <message>
        <source>Close this lesson and choose another</source>
        <translation>关闭这一课，另选一课</translation>
    </message>
    <message>
        <source>Steps</source>
        <translation>步骤</translation>
    </message>
    <message>
        <source>The table has changed since this step loaded; its question is about the step&apos;s own numbers.</source>
        <translation>载入这一步之后表格已经改动；本步的问题针对的是这一步原来的数。</translation>
    </message>
    <message>
        <source>&amp;Reload the Step</source>
        <translation>重新载入这一步(&amp;R)</translation>
    </message>
    <message>
        <source>Step text</source>
        <translation>本步讲解</translation>
    </message>
    <message>
        <source>◀ &amp;Back</source>
        <translation>◀ 上一步(&amp;B)</translation>
    </message>
    <message>
        <source>&amp;Next ▶</source>
        <translation>下一步(&amp;N) ▶</translation>
    </message>
    <message>
        <source>Alt+Left</source>
        <translation>Alt+←</translation>
    </message>
    <message>
        <source>Alt+Right</source>
        <translation>Alt+→</translation>
    </message>
    <message>
        <source>Previous Step</source>
        <translation>上一步</translation>
    </message>
    <message>
        <source>Next Step</source>
        <translation>下一步</translation>
    </message>
    <message>
        <source>{steps} steps, {questions} questions</source>
        <translation>{steps} 步，{questions} 道题</translation>
    </message>
    <message>
        <source>Lesson step {number}: {title}</source>
        <translation>课程第 {number} 步：{title}</translation>
    </message>
    <message>
        <source>Step {step} of {steps}</source>
        <translation>第 {step} 步，共 {steps} 步</translation>
    </message>
    <message>
        <source>{right} of {questions} questions right</source>
        <translation>{questions} 道题答对 {right} 道</translation>
    </message>
</context>
<context>
    <name>LogitsPlot</name>
    <message>
        <source>Logits plot</source>
        <translation>logits 图</translation>
    </message>
    <message>
        <source>Logits z — drag a bar to change it</source>
        <translation>logits z — 拖动柱条即可修改</translation>
    </message>
    <message>
        <source>Logits z</source>
        <translation>logits z</translation>
    </message>
    <message>
        <source>logit z</source>
        <translation>logit z</translation>
    </message>
    <message>
        <source>ln p</source>
        <translation>ln p</translation>
    </message>
    <message>
        <source>ln p − ln(1 − p)</source>
        <translation>ln p − ln(1 − p)</translation>
    </message>
    <message>
        <source>Logits equivalent to the input probabilities: {formula}</source>
        <translation>与输入概率等价的 logits：{formula}</translation>
    </message>
    <message>
        <source>Logits: {formula}</source>
        <translation>logits：{formula}</translation>
    </message>
    <message>
        <source>logit</source>
        <translation>logit</translation>
    </message>
    <message>
        <source>Logits</source>
        <translation>logits</translation>
    </message>
    <message>
        <source>Logits of sample {name}</source>
        <translation>样本“{name}”的 logits</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Batch loss</source>
        <translation>批次损失</translation>
    </message>
    <message>
        <source>Options</source>
        <translation>选项</translation>
    </message>
    <message>
        <source>Plots</source>
        <translation>图表</translation>
    </message>
    <message>
        <source>Show the math</source>
        <translation>显示数学推导</translation>
    </message>
    <message>
        <source>Library conventions</source>
        <translation>库的约定</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>代码</translation>
    </message>
    <message>
        <source>Compare models</source>
        <translation>比较模型</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
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
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Presentation stage</source>
        <translation>演示舞台(&amp;P)</translation>
    </message>
    <message>
        <source>For a projector: one or two large plots, the key numbers in large type and the input table. Esc goes back to the desk.</source>
        <translation>用于投影：一两张大图、大字号的关键数值和输入表格。按 Esc 返回桌面布局。</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Theme</source>
        <translation>主题(&amp;T)</translation>
    </message>
    <message>
        <source>Follow the &amp;system</source>
        <translation>跟随系统(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Light</source>
        <translation>浅色(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Dark</source>
        <translation>深色(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <source>Untitled</source>
        <translation>未命名</translation>
    </message>
    <message>
        <source>{name}[*] — Logit Lab</source>
        <translation>{name}[*] — Logit Lab</translation>
    </message>
    <message>
        <source>Learn</source>
        <translation>学习</translation>
    </message>
    <message>
        <source>softmax | sigmoid</source>
        <translation>softmax | sigmoid</translation>
    </message>
</context>
<context>
    <name>MathPanel</name>
    <message>
        <source>Worked arithmetic</source>
        <translation>逐步计算</translation>
    </message>
    <message>
        <source>Copy all as text</source>
        <translation>全部复制为文本</translation>
    </message>
</context>
<context>
    <name>MathView</name>
    <message>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
</context>
<context>
    <name>ModelTabBar</name>
    <message>
        <source>Earlier models</source>
        <translation>前面的模型</translation>
    </message>
    <message>
        <source>Later models</source>
        <translation>后面的模型</translation>
    </message>
</context>
<context>
    <name>ModelTabs</name>
    <message>
        <source>Models</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>Add a model</source>
        <translation>添加模型</translation>
    </message>
    <message>
        <source>Add a model: an empty one, or a copy of this one</source>
        <translation>添加模型：空模型，或此模型的副本</translation>
    </message>
    <message>
        <source>New empty model</source>
        <translation>新建空模型</translation>
    </message>
    <message>
        <source>Add a model that knows nothing yet: every class equally likely.</source>
        <translation>添加一个还什么都不知道的模型：每个类别的可能性相同。</translation>
    </message>
    <message>
        <source>Duplicate this model</source>
        <translation>复制此模型</translation>
    </message>
    <message>
        <source>Add a copy of the current model, to change into a second model.</source>
        <translation>添加当前模型的副本，再把它改成第二个模型。</translation>
    </message>
    <message>
        <source>Rename model…</source>
        <translation>重命名模型…</translation>
    </message>
    <message>
        <source>Rename the current model.</source>
        <translation>重命名当前模型。</translation>
    </message>
    <message>
        <source>Remove model</source>
        <translation>删除模型</translation>
    </message>
    <message>
        <source>Remove the current model (the last one stays).</source>
        <translation>删除当前模型（最后一个会保留）。</translation>
    </message>
    <message>
        <source>&amp;Models</source>
        <translation>模型(&amp;M)</translation>
    </message>
    <message>
        <source>Double-click to rename, drag to reorder</source>
        <translation>双击可重命名，拖动可调整顺序</translation>
    </message>
    <message>
        <source>Remove this model</source>
        <translation>删除此模型</translation>
    </message>
</context>
<context>
    <name>NameEditor</name>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
</context>
<context>
    <name>NllPlot</name>
    <message>
        <source>Loss curve −ln p</source>
        <translation>损失曲线 −ln p</translation>
    </message>
    <message>
        <source>Loss of each positive label: {formula}</source>
        <translation>每个正标签的损失：{formula}</translation>
    </message>
    <message>
        <source>probability p of a positive label</source>
        <translation>正标签的概率 p</translation>
    </message>
    <message>
        <source>Loss of the true class: {formula}</source>
        <translation>真实类别的损失：{formula}</translation>
    </message>
    <message>
        <source>probability p of the true class</source>
        <translation>真实类别的概率 p</translation>
    </message>
    <message>
        <source>Surprisal of the target classes: {formula}</source>
        <translation>目标类别的自信息：{formula}</translation>
    </message>
    <message>
        <source>probability p of a class with target mass</source>
        <translation>有目标概率质量的类别的概率 p</translation>
    </message>
    <message>
        <source>−ln p</source>
        <translation>−ln p</translation>
    </message>
    <message>
        <source>−log&lt;sub&gt;2&lt;/sub&gt; p</source>
        <translation>−log&lt;sub&gt;2&lt;/sub&gt; p</translation>
    </message>
    <message>
        <source>{sample} {cls} {p}</source>
        <translation>{sample} {cls} {p}</translation>
    </message>
    <message>
        <source>Curve {formula}; probability of the true class per sample: {list}</source>
        <translation>曲线 {formula}；各样本真实类别的概率：{list}</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source> … and {count} more</source>
        <translation> … 另有 {count} 个</translation>
    </message>
</context>
<context>
    <name>OptionsPanel</name>
    <message>
        <source>Loss options</source>
        <translation>损失选项</translation>
    </message>
    <message>
        <source>softmax (one right answer)</source>
        <translation>softmax（唯一正确答案）</translation>
    </message>
    <message>
        <source>sigmoid (multi-label)</source>
        <translation>sigmoid（多标签）</translation>
    </message>
    <message>
        <source>Softmax: classes exclude each other and probabilities sum to 1. Sigmoid: each class is a separate yes/no.</source>
        <translation>Softmax：各类别互斥，概率之和为 1。Sigmoid：每个类别都是一个独立的是/否问题。</translation>
    </message>
    <message>
        <source>logits</source>
        <translation>logits（未归一化得分）</translation>
    </message>
    <message>
        <source>probabilities</source>
        <translation>概率</translation>
    </message>
    <message>
        <source>Whether the table holds raw scores (logits) or probabilities a model already produced.</source>
        <translation>表中是原始得分（logits），还是模型已经给出的概率。</translation>
    </message>
    <message>
        <source>Divides every logit by T before softmax or sigmoid: T &gt; 1 flattens the distribution, T &lt; 1 sharpens it.</source>
        <translation>在 softmax 或 sigmoid 之前将每个 logit 除以 T：T &gt; 1 使分布更平缓，T &lt; 1 使分布更尖锐。</translation>
    </message>
    <message>
        <source>Temperature</source>
        <translation>温度</translation>
    </message>
    <message>
        <source>Label smoothing ε moves ε of the target&apos;s mass evenly onto all classes: the loss compares p with the smoothed target y′ = (1 − ε)·y + ε/C.</source>
        <translation>标签平滑 ε 把目标中 ε 的概率质量平均分给所有类别：损失比较的是 p 与平滑后的目标 y′ = (1 − ε)·y + ε/C。</translation>
    </message>
    <message>
        <source>Multiplies each class&apos;s loss terms by its weight (PyTorch&apos;s weight). Empty means all 1.</source>
        <translation>将每个类别的损失项乘以其权重（即 PyTorch 的 weight）。留空表示全为 1。</translation>
    </message>
    <message>
        <source>Multiplies the positive (y = 1) term of each class (PyTorch&apos;s pos_weight).</source>
        <translation>对每个类别的正例项（y = 1）加权（即 PyTorch 的 pos_weight）。</translation>
    </message>
    <message>
        <source>mean</source>
        <translation>平均</translation>
    </message>
    <message>
        <source>sum</source>
        <translation>求和</translation>
    </message>
    <message>
        <source>How the batch loss combines the samples&apos; losses: their mean (as PyTorch divides it) or their sum.</source>
        <translation>批次损失如何汇总各样本的损失：取平均（除数与 PyTorch 相同）或求和。</translation>
    </message>
    <message>
        <source>nats (ln)</source>
        <translation>奈特（ln）</translation>
    </message>
    <message>
        <source>bits (log₂)</source>
        <translation>比特（log₂）</translation>
    </message>
    <message>
        <source>The logarithm&apos;s base: e gives nats, 2 gives bits.</source>
        <translation>对数的底：e 得到奈特，2 得到比特。</translation>
    </message>
    <message>
        <source>&amp;Mode</source>
        <translation>模式(&amp;M)</translation>
    </message>
    <message>
        <source>&amp;Input</source>
        <translation>输入(&amp;I)</translation>
    </message>
    <message>
        <source>&amp;Temperature T</source>
        <translation>温度 T(&amp;T)</translation>
    </message>
    <message>
        <source>Label &amp;smoothing ε</source>
        <translation>标签平滑 ε(&amp;S)</translation>
    </message>
    <message>
        <source>Class &amp;weights</source>
        <translation>类别权重(&amp;W)</translation>
    </message>
    <message>
        <source>&amp;pos_weight</source>
        <translation>pos_weight（正类权重）(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Reduction</source>
        <translation>汇总方式(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Unit</source>
        <translation>单位(&amp;U)</translation>
    </message>
    <message>
        <source>Options message</source>
        <translation>选项消息</translation>
    </message>
    <message>
        <source>all 1</source>
        <translation>全为 1</translation>
    </message>
    <message>
        <source>Switch mode</source>
        <translation>切换模式</translation>
    </message>
    <message>
        <source>Switch input</source>
        <translation>切换输入</translation>
    </message>
    <message>
        <source>Set label smoothing</source>
        <translation>设置标签平滑</translation>
    </message>
    <message>
        <source>Set reduction</source>
        <translation>设置汇总方式</translation>
    </message>
    <message>
        <source>Set unit</source>
        <translation>设置单位</translation>
    </message>
    <message>
        <source>Set temperature</source>
        <translation>设置温度</translation>
    </message>
    <message>
        <source>Weights: {problem}</source>
        <translation>权重：{problem}</translation>
    </message>
    <message>
        <source>Weights: the commas in &apos;{text}&apos; could separate weights or belong to numbers (1,5 or 1,000). Write decimals with a dot and a space after each comma.</source>
        <translation>权重：“{text}”中的逗号既可能分隔权重，也可能属于数字（如 1,5 或 1,000）。请用小数点（.）书写小数，并在每个逗号后加一个空格。</translation>
    </message>
    <message>
        <source>Weights: give one number per class ({count}), or one number for all, separated by commas.</source>
        <translation>权重：每个类别一个数（共 {count} 个），或所有类别共用一个数，用逗号分隔。</translation>
    </message>
    <message>
        <source>Set class weights</source>
        <translation>设置类别权重</translation>
    </message>
    <message>
        <source>Set pos_weight</source>
        <translation>设置 pos_weight</translation>
    </message>
    <message>
        <source>Mode switch note</source>
        <translation>模式切换说明</translation>
    </message>
    <message>
        <source>not {name}</source>
        <translation>非{name}</translation>
    </message>
    <message>
        <source>Each true class is now a label 1 and every other class a label 0: one yes/no question per class.</source>
        <translation>每个真实类别现在是标签 1，其他类别都是标签 0：每个类别一个是/否问题。</translation>
    </message>
    <message>
        <source>Switched to {mode}: the batch loss is unchanged, {loss} {unit}.</source>
        <translation>已切换为 {mode}：批次损失不变，为 {loss} {unit}。</translation>
    </message>
    <message>
        <source>Switched to {mode}: the batch loss is now {after} {unit} (it was {before}).</source>
        <translation>已切换为 {mode}：批次损失现在是 {after} {unit}（之前为 {before}）。</translation>
    </message>
</context>
<context>
    <name>Plot</name>
    <message>
        <source>Copy as image</source>
        <translation>复制为图片</translation>
    </message>
    <message>
        <source>Save as image…</source>
        <translation>另存为图片…</translation>
    </message>
    <message>
        <source>Save Plot as Image</source>
        <translation>将图表另存为图片</translation>
    </message>
    <message>
        <source>PNG image (*.png)</source>
        <translation>PNG 图片 (*.png)</translation>
    </message>
    <message>
        <source>Cannot Save Image</source>
        <translation>无法保存图片</translation>
    </message>
    <message>
        <source>The image could not be written to “{path}”.</source>
        <translation>无法将图片写入“{path}”。</translation>
    </message>
    <message>
        <source>{label}: {values}</source>
        <translation>{label}：{values}</translation>
    </message>
    <message>
        <source>nats</source>
        <translation>奈特</translation>
    </message>
    <message>
        <source>bits</source>
        <translation>比特</translation>
    </message>
</context>
<context>
    <name>PlotGrid</name>
    <message>
        <source>Pages of plots</source>
        <translation>图表分页</translation>
    </message>
</context>
<context>
    <name>PlotsView</name>
    <message>
        <source>nats</source>
        <translation>奈特</translation>
    </message>
    <message>
        <source>bits</source>
        <translation>比特</translation>
    </message>
    <message>
        <source>Sample {name} — ignored (adds nothing to the loss)</source>
        <translation>样本“{name}” — 已忽略（不计入损失）</translation>
    </message>
    <message>
        <source>Sample {name} — true class {true}, predicted {predicted}, loss {loss} {unit}</source>
        <translation>样本“{name}” — 真实类别：{true}，预测：{predicted}，损失 {loss} {unit}</translation>
    </message>
    <message>
        <source>Sample {name} — predicted {predicted}, loss {loss} {unit}</source>
        <translation>样本“{name}” — 预测：{predicted}，损失 {loss} {unit}</translation>
    </message>
    <message>
        <source>Showing the {shown} most probable of {total} classes</source>
        <translation>显示 {total} 个类别中概率最高的 {shown} 个</translation>
    </message>
    <message>
        <source>Showing {shown} of {total} classes: the most probable and those with target mass</source>
        <translation>显示 {total} 个类别中的 {shown} 个：概率最高的和有目标概率质量的</translation>
    </message>
    <message>
        <source> (showing {shown} of {total} classes)</source>
        <translation>（显示 {total} 个类别中的 {shown} 个）</translation>
    </message>
</context>
<context>
    <name>ProbabilitiesPlot</name>
    <message>
        <source>Probabilities and targets plot</source>
        <translation>概率与目标图</translation>
    </message>
    <message>
        <source>labels y</source>
        <translation>标签 y</translation>
    </message>
    <message>
        <source>target y</source>
        <translation>目标 y</translation>
    </message>
    <message>
        <source>smoothed target y′</source>
        <translation>平滑后的目标 y′</translation>
    </message>
    <message>
        <source>probability p</source>
        <translation>概率 p</translation>
    </message>
    <message>
        <source>probability</source>
        <translation>概率</translation>
    </message>
    <message>
        <source>p and targets</source>
        <translation>p 与目标</translation>
    </message>
    <message>
        <source>Probabilities</source>
        <translation>概率</translation>
    </message>
    <message>
        <source>Targets</source>
        <translation>目标</translation>
    </message>
</context>
<context>
    <name>QuestionBox</name>
    <message>
        <source>Question</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>Type a number, e.g. 0.25</source>
        <translation>输入一个数，例如 0.25</translation>
    </message>
    <message>
        <source>Your answer</source>
        <translation>你的答案</translation>
    </message>
    <message>
        <source>&amp;Answer</source>
        <translation>作答(&amp;A)</translation>
    </message>
    <message>
        <source>Commit your answer (Enter)</source>
        <translation>提交答案（回车）</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>为什么</translation>
    </message>
    <message>
        <source>Choose one of the answers first.</source>
        <translation>请先选一个答案。</translation>
    </message>
    <message>
        <source>Type a number first.</source>
        <translation>请先输入一个数。</translation>
    </message>
    <message>
        <source>✓ Right.</source>
        <translation>✓ 正确。</translation>
    </message>
    <message>
        <source>✗ Not quite.</source>
        <translation>✗ 不太对。</translation>
    </message>
    <message>
        <source>The answer: {answer}</source>
        <translation>答案：{answer}</translation>
    </message>
</context>
<context>
    <name>ResultsView</name>
    <message>
        <source>Infinite: a true class has probability 0, and −log 0 = ∞</source>
        <translation>无穷大：某个真实类别的概率为 0，而 −log 0 = ∞</translation>
    </message>
    <message>
        <source>, </source>
        <comment>between the names of a list: cat, dog</comment>
        <translation>、</translation>
    </message>
    <message>
        <source>+%n more</source>
        <translation>另有 %n 个</translation>
    </message>
    <message>
        <source>Batch loss</source>
        <translation>批次损失</translation>
    </message>
    <message>
        <source>Results per sample</source>
        <translation>各样本的结果</translation>
    </message>
    <message>
        <source>Results per class</source>
        <translation>各类别的结果</translation>
    </message>
    <message>
        <source>Per-class table caption</source>
        <translation>类别表标题</translation>
    </message>
    <message>
        <source>Cross-entropy identity</source>
        <translation>交叉熵恒等式</translation>
    </message>
    <message>
        <source>Sample &apos;{name}&apos;: classes</source>
        <translation>样本“{name}”：各类别</translation>
    </message>
    <message>
        <source>Sample &apos;{name}&apos;: showing {shown} of {total} classes: the most probable and the true ones</source>
        <translation>样本“{name}”：显示 {total} 个类别中的 {shown} 个：概率最高的和真实的类别</translation>
    </message>
    <message>
        <source>Sample &apos;{name}&apos; is ignored: its target is the ignore_index</source>
        <translation>样本“{name}”已忽略：其目标为 ignore_index</translation>
    </message>
    <message>
        <source>CE = H + KL: {ce} = {h} + {kl} {unit}</source>
        <translation>CE = H + KL：{ce} = {h} + {kl} {unit}</translation>
    </message>
    <message>
        <source>with weights the sample&apos;s loss is {loss} {unit}, not the CE</source>
        <translation>加权后该样本的损失为 {loss} {unit}，而不是 CE</translation>
    </message>
</context>
<context>
    <name>RunChart</name>
    <message>
        <source>Training curves</source>
        <translation>训练曲线</translation>
    </message>
    <message>
        <source>sigmoid: 1 logit</source>
        <translation>sigmoid：1 个 logit</translation>
    </message>
    <message>
        <source>softmax: 2 logits</source>
        <translation>softmax：2 个 logit</translation>
    </message>
    <message>
        <source>Batch loss ({unit}) by step</source>
        <translation>各步的批次损失（{unit}）</translation>
    </message>
    <message>
        <source>Loss of each form ({unit}) by step</source>
        <translation>两种形式各步的损失（{unit}）</translation>
    </message>
    <message>
        <source>p(true class) of each sample</source>
        <translation>每个样本的 p(真实类别)</translation>
    </message>
</context>
<context>
    <name>SamplesModel</name>
    <message>
        <source>sample</source>
        <translation>样本</translation>
    </message>
    <message>
        <source>target</source>
        <translation>目标</translation>
    </message>
    <message>
        <source>predicted</source>
        <translation>预测</translation>
    </message>
    <message>
        <source>loss</source>
        <translation>损失</translation>
    </message>
    <message>
        <source>The sample&apos;s name</source>
        <translation>样本名称</translation>
    </message>
    <message>
        <source>What the sample really is</source>
        <translation>样本真正所属的类别</translation>
    </message>
    <message>
        <source>The class(es) the model predicts</source>
        <translation>模型预测的类别</translation>
    </message>
    <message>
        <source>Whether the prediction is right</source>
        <translation>预测是否正确</translation>
    </message>
    <message>
        <source>The sample&apos;s loss (weighted, as in the batch loss)</source>
        <translation>样本的损失（与批次损失一样加权）</translation>
    </message>
    <message>
        <source>The entropy of the target: the loss a perfect model would still have</source>
        <translation>目标的信息熵：即使完美的模型也仍会有的损失</translation>
    </message>
    <message>
        <source>How far the prediction is from the target (KL divergence)</source>
        <translation>预测与目标相差多远（KL 散度，又称相对熵）</translation>
    </message>
    <message>
        <source>The cross-entropy, H(y) + KL(y‖p)</source>
        <translation>交叉熵，H(y) + KL(y‖p)</translation>
    </message>
    <message>
        <source>ignored</source>
        <translation>已忽略</translation>
    </message>
    <message>
        <source>Left out of the loss: its target is the ignore_index</source>
        <translation>不计入损失：其目标为 ignore_index</translation>
    </message>
    <message>
        <source>Ignored</source>
        <translation>已忽略</translation>
    </message>
    <message>
        <source>Right</source>
        <translation>正确</translation>
    </message>
    <message>
        <source>Wrong</source>
        <translation>错误</translation>
    </message>
    <message>
        <source>soft</source>
        <translation>软标签</translation>
    </message>
    <message>
        <source>(ignored)</source>
        <translation>（已忽略）</translation>
    </message>
    <message>
        <source>soft labels</source>
        <translation>软标签</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
</context>
<context>
    <name>SigmoidPlot</name>
    <message>
        <source>Sigmoid curve</source>
        <translation>sigmoid 曲线</translation>
    </message>
    <message>
        <source>Sigmoid</source>
        <translation>sigmoid</translation>
    </message>
    <message>
        <source>Sigmoid σ(z) = 1 / (1 + e&lt;sup&gt;−z&lt;/sup&gt;)</source>
        <translation>Sigmoid σ(z) = 1 / (1 + e&lt;sup&gt;−z&lt;/sup&gt;)</translation>
    </message>
    <message>
        <source>σ(z)</source>
        <translation>σ(z)</translation>
    </message>
    <message>
        <source>z / T</source>
        <translation>z / T</translation>
    </message>
    <message>
        <source>z</source>
        <translation>z</translation>
    </message>
    <message>
        <source>σ</source>
        <translation>σ</translation>
    </message>
    <message>
        <source>Sigmoid curve, not used in softmax mode</source>
        <translation>sigmoid 曲线，softmax 模式下不使用</translation>
    </message>
    <message>
        <source>{cls} z = {z}, p = {p}</source>
        <translation>{cls} z = {z}，p = {p}</translation>
    </message>
    <message>
        <source>Sigmoid curve with the logits of sample {name}: {list}</source>
        <translation>sigmoid 曲线及样本“{name}”的各 logit：{list}</translation>
    </message>
</context>
<context>
    <name>StageView</name>
    <message>
        <source>nothing</source>
        <translation>无</translation>
    </message>
    <message>
        <source>First plot</source>
        <translation>第一张图</translation>
    </message>
    <message>
        <source>Second plot</source>
        <translation>第二张图</translation>
    </message>
    <message>
        <source>&amp;Plot:</source>
        <translation>图表(&amp;P)：</translation>
    </message>
    <message>
        <source>&amp;beside it:</source>
        <translation>旁边(&amp;B)：</translation>
    </message>
    <message>
        <source>Keys: 1–{last} plot, Ctrl+1–{last} beside it, 0 one plot, Esc back to the desk</source>
        <translation>按键：1–{last} 选图，Ctrl+1–{last} 放在旁边，0 只看一张，Esc 返回桌面</translation>
    </message>
</context>
<context>
    <name>SweepPlot</name>
    <message>
        <source>Logit sweep plot</source>
        <translation>连续改变 logit 的概率图</translation>
    </message>
    <message>
        <source>Sweep the logit of:</source>
        <translation>连续改变此类别的 logit：</translation>
    </message>
    <message>
        <source>Class whose logit sweeps</source>
        <translation>连续改变其 logit 的类别</translation>
    </message>
    <message>
        <source>Legend of the sweep plot</source>
        <translation>连续改变 logit 的概率图的图例</translation>
    </message>
    <message>
        <source>the true class</source>
        <translation>真实类别</translation>
    </message>
    <message>
        <source>Logit sweep</source>
        <translation>连续改变 logit</translation>
    </message>
    <message>
        <source>Probabilities as z({name}) changes</source>
        <translation>z({name}) 变化时的概率</translation>
    </message>
    <message>
        <source>p as z({name}) changes</source>
        <translation>z({name}) 变化时的 p</translation>
    </message>
    <message>
        <source>logit z({name})</source>
        <translation>logit z({name})</translation>
    </message>
    <message>
        <source>probability</source>
        <translation>概率</translation>
    </message>
    <message>
        <source>other classes</source>
        <translation>其他类别</translation>
    </message>
    <message>
        <source>Probability of each class as the logit of {name} goes from {low} to {high}; at z = {z}: {now}</source>
        <translation>{name} 的 logit 从 {low} 变到 {high} 时各类别的概率；在 z = {z} 处：{now}</translation>
    </message>
    <message>
        <source>now</source>
        <translation>当前</translation>
    </message>
</context>
<context>
    <name>TermsPlot</name>
    <message>
        <source>Cross-entropy terms plot</source>
        <translation>交叉熵项图</translation>
    </message>
    <message>
        <source>Cross-entropy terms −w {y} ln p per class</source>
        <translation>各类别的交叉熵项 −w {y} ln p</translation>
    </message>
    <message>
        <source>CE terms −w {y} ln p</source>
        <translation>交叉熵项 −w {y} ln p</translation>
    </message>
    <message>
        <source>Binary cross-entropy per class</source>
        <translation>各类别的二元交叉熵</translation>
    </message>
    <message>
        <source>BCE per class</source>
        <translation>各类别二元交叉熵</translation>
    </message>
    <message>
        <source>CE terms</source>
        <translation>交叉熵项</translation>
    </message>
    <message>
        <source>Cross-entropy terms ({unit})</source>
        <translation>交叉熵项（{unit}）</translation>
    </message>
</context>
<context>
    <name>_HardmaxBox</name>
    <message>
        <source>class</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>softmax p</source>
        <translation>softmax p</translation>
    </message>
    <message>
        <source>hardmax</source>
        <translation>hardmax</translation>
    </message>
    <message>
        <source>Hardmax beside softmax: sample “{name}”</source>
        <translation>hardmax 与 softmax 对照：样本“{name}”</translation>
    </message>
    <message>
        <source>logit z</source>
        <translation>logit z</translation>
    </message>
    <message>
        <source>input p</source>
        <translation>输入 p</translation>
    </message>
    <message>
        <source>max = {max}, at {class_name}: hardmax puts 1 there and 0 elsewhere.</source>
        <translation>max = {max}，位于 {class_name}：hardmax 在此处为 1，其余为 0。</translation>
    </message>
    <message>
        <source>The {count} most probable of {total} classes are listed.</source>
        <translation>列出了 {total} 个类别中概率最高的 {count} 个。</translation>
    </message>
    <message>
        <source>The largest value occurs more than once: numpy marks the first; tf.argmax does not promise which.</source>
        <translation>最大值出现了不止一次：numpy 标记第一个；tf.argmax 不保证标记哪一个。</translation>
    </message>
</context>
<context>
    <name>_Writer</name>
    <message>
        <source>bits</source>
        <translation>比特</translation>
    </message>
    <message>
        <source>nats</source>
        <translation>奈特</translation>
    </message>
    <message>
        <source>, </source>
        <comment>between the items of a list: cat 3, dog 1, pig −3</comment>
        <translation>、</translation>
    </message>
    <message>
        <source>Sample {name}</source>
        <translation>样本“{name}”</translation>
    </message>
    <message>
        <source>Sample {name} ({model})</source>
        <translation>样本 {name}（{model}）</translation>
    </message>
    <message>
        <source>Logits z: {values}.</source>
        <translation>logits z：{values}。</translation>
    </message>
    <message>
        <source>Probabilities p: {values}.</source>
        <translation>概率 p：{values}。</translation>
    </message>
    <message>
        <source>Labels y: {values}.</source>
        <translation>标签 y：{values}。</translation>
    </message>
    <message>
        <source>Target: ignored.</source>
        <translation>目标：已忽略。</translation>
    </message>
    <message>
        <source>True class: {name}.</source>
        <translation>真实类别：{name}。</translation>
    </message>
    <message>
        <source>Target distribution: {values}.</source>
        <translation>目标分布：{values}。</translation>
    </message>
    <message>
        <source>Probabilities (given)</source>
        <translation>概率（已给定）</translation>
    </message>
    <message>
        <source>The table holds the probabilities themselves; there is no softmax to compute.</source>
        <translation>表中直接给出了概率；无需计算 softmax。</translation>
    </message>
    <message>
        <source>p({name}) = {p}</source>
        <translation>p({name}) = {p}</translation>
    </message>
    <message>
        <source>Softmax: from logits to probabilities</source>
        <translation>Softmax：从 logits 到概率</translation>
    </message>
    <message>
        <source>Temperature T = {t}: every logit is divided by T before the softmax, so each e^z becomes e^(z/T).</source>
        <translation>温度 T = {t}：在 softmax 之前每个 logit 都除以 T，因此每个 e^z 变为 e^(z/T)。</translation>
    </message>
    <message>
        <source>The sum runs over all {count} classes; only the true class and the most probable ones are written out.</source>
        <translation>求和遍及全部 {count} 个类别；只写出真实类别和概率最高的几个类别。</translation>
    </message>
    <message>
        <source>p({name}) = {numerator} / ({denominator}) = {p}</source>
        <translation>p({name}) = {numerator} / ({denominator}) = {p}</translation>
    </message>
    <message>
        <source>p({name}) = {numerator} / ({denominator}) = {top} / {bottom} = {p}</source>
        <translation>p({name}) = {numerator} / ({denominator}) = {top} / {bottom} = {p}</translation>
    </message>
    <message>
        <source>… and {count} more classes, not written out.</source>
        <translation>……另有 {count} 个类别，未逐一写出。</translation>
    </message>
    <message>
        <source>Cross-entropy loss</source>
        <translation>交叉熵损失</translation>
    </message>
    <message>
        <source>The target of this sample is the ignore index ({index}): it adds nothing to the loss and is not counted in the mean.</source>
        <translation>此样本的目标是忽略索引（{index}）：它不计入损失，也不计入平均。</translation>
    </message>
    <message>
        <source>L = −{ln} p({name}) = −{ln} {p} = {loss} {unit}</source>
        <translation>L = −{ln} p({name}) = −{ln} {p} = {loss} {unit}</translation>
    </message>
    <message>
        <source>L = −w({name}) {ln} p({name}) = −{w} × {ln} {p} = {loss} {unit}</source>
        <translation>L = −w({name}) {ln} p({name}) = −{w} × {ln} {p} = {loss} {unit}</translation>
    </message>
    <message>
        <source>Label smoothing ε = {eps} moves ε of the target onto all {count} classes evenly (ε/C = {share} each); the loss compares p with this smoothed target y′:</source>
        <translation>标签平滑 ε = {eps} 把目标中 ε 的概率质量平均分给全部 {count} 个类别（每个类别 ε/C = {share}）；损失比较的是 p 与这个平滑后的目标 y′：</translation>
    </message>
    <message>
        <source>y′({name}) = 1 − ε + ε/C = {value}</source>
        <translation>y′({name}) = 1 − ε + ε/C = {value}</translation>
    </message>
    <message>
        <source>y′(every other class) = ε/C = {value}</source>
        <translation>y′(其他每个类别) = ε/C = {value}</translation>
    </message>
    <message>
        <source>Label smoothing ε = {eps} mixes the target rows with the uniform distribution; the loss compares p with the smoothed target y′ = (1 − ε)·y + ε/C.</source>
        <translation>标签平滑 ε = {eps} 把目标行与均匀分布混合；损失比较的是 p 与平滑后的目标 y′ = (1 − ε)·y + ε/C。</translation>
    </message>
    <message>
        <source>L = −Σ_c {w}{t}(c) {ln} p(c)</source>
        <translation>L = −Σ_c {w}{t}(c) {ln} p(c)</translation>
    </message>
    <message>
        <source>  = −{w}[{pw}{y} × {ln} {p} + {not_y} × {ln} {not_p}] = {term} {unit}</source>
        <translation>  = −{w}[{pw}{y} × {ln} {p} + {not_y} × {ln} {not_p}] = {term} {unit}</translation>
    </message>
    <message>
        <source>  = −({products})</source>
        <translation>  = −({products})</translation>
    </message>
    <message>
        <source>  = {terms} = {loss} {unit}</source>
        <translation>  = {terms} = {loss} {unit}</translation>
    </message>
    <message>
        <source>({count} classes have target mass; the sum is shortened.)</source>
        <translation>（有 {count} 个类别带有目标概率质量；求和式已缩写。）</translation>
    </message>
    <message>
        <source>The loss is {inf}: the terms add up past the largest number a computer can hold.</source>
        <translation>损失为 {inf}：各项之和超过了计算机能表示的最大数。</translation>
    </message>
    <message>
        <source>The loss is {inf} because p({name}) = 0 while the target gives {name} mass: {ln} 0 = −{inf}.</source>
        <translation>损失为 {inf}，因为 p({name}) = 0，而目标给了 {name} 概率质量：{ln} 0 = −{inf}。</translation>
    </message>
    <message>
        <source>Sigmoid: one yes/no question per class</source>
        <translation>Sigmoid：每个类别一个是/否问题</translation>
    </message>
    <message>
        <source>Each class has its own probability p = σ(z) = 1 / (1 + e⁻ᶻ) and its own binary cross-entropy against its label y.</source>
        <translation>每个类别有自己的概率 p = σ(z) = 1 / (1 + e⁻ᶻ)，以及相对其标签 y 的二元交叉熵。</translation>
    </message>
    <message>
        <source>Temperature T = {t}: each logit is divided by T first, p = σ(z/T).</source>
        <translation>温度 T = {t}：先将每个 logit 除以 T，p = σ(z/T)。</translation>
    </message>
    <message>
        <source>Only the labelled classes and the most probable ones of the {count} classes are written out.</source>
        <translation>在 {count} 个类别中只写出带标签的类别和概率最高的几个类别。</translation>
    </message>
    <message>
        <source>p({name}) = σ({arg}) = 1 / (1 + e{exp}) = {p}</source>
        <translation>p({name}) = σ({arg}) = 1 / (1 + e{exp}) = {p}</translation>
    </message>
    <message>
        <source>Loss of the sample</source>
        <translation>样本的损失</translation>
    </message>
    <message>
        <source>L = Σ_c ℓ(c) = {terms} = {loss} {unit}</source>
        <translation>L = Σ_c ℓ(c) = {terms} = {loss} {unit}</translation>
    </message>
    <message>
        <source>The loss is {inf}: {name} has p = {p} against label y = {y}, and {ln} 0 = −{inf}.</source>
        <translation>损失为 {inf}：{name} 的 p = {p}，而标签 y = {y}，且 {ln} 0 = −{inf}。</translation>
    </message>
    <message>
        <source>ℓ({name}) = −{w}[{pw}y {ln} p + (1 − y) {ln}(1 − p)]</source>
        <translation>ℓ({name}) = −{w}[{pw}y {ln} p + (1 − y) {ln}(1 − p)]</translation>
    </message>
    <message>
        <source>Entropy, divergence and cross-entropy</source>
        <translation>信息熵、KL 散度与交叉熵</translation>
    </message>
    <message>
        <source>Summed over the classes, each a two-outcome distribution: the label (y, 1 − y) against the prediction (p, 1 − p).</source>
        <translation>对各类别求和，每个类别都是一个二值分布：标签 (y, 1 − y) 对比预测 (p, 1 − p)。</translation>
    </message>
    <message>
        <source>H({t}) = −Σ {t} {ln} {t} = {h} {unit}</source>
        <translation>H({t}) = −Σ {t} {ln} {t} = {h} {unit}</translation>
    </message>
    <message>
        <source>KL({t}‖p) = Σ {t} {ln}({t}/p) = {kl} {unit}</source>
        <translation>KL({t}‖p) = Σ {t} {ln}({t}/p) = {kl} {unit}</translation>
    </message>
    <message>
        <source>CE({t}, p) = H({t}) + KL({t}‖p) = {h} + {kl} = {ce} {unit}</source>
        <translation>CE({t}, p) = H({t}) + KL({t}‖p) = {h} + {kl} = {ce} {unit}</translation>
    </message>
    <message>
        <source>KL is {inf}: the prediction gives probability 0 to an outcome the target expects.</source>
        <translation>KL 散度为 {inf}：预测给目标所期望的某个结果的概率为 0。</translation>
    </message>
    <message>
        <source>H, KL and CE leave the weights out; the loss above includes them.</source>
        <translation>H、KL 和 CE 不含权重；上面的损失包含权重。</translation>
    </message>
    <message>
        <source>Without class weights the loss is this cross-entropy: L = CE({t}, p).</source>
        <translation>没有类别权重时，损失就是这个交叉熵：L = CE({t}, p)。</translation>
    </message>
    <message>
        <source>The batch</source>
        <translation>批次</translation>
    </message>
    <message>
        <source>The batch ({model})</source>
        <translation>批次（{model}）</translation>
    </message>
    <message>
        <source>No sample is counted (all are ignored): the mean is undefined.</source>
        <translation>没有计入任何样本（全部被忽略）：平均值无定义。</translation>
    </message>
    <message>
        <source>loss (sum over {count} samples) = {loss} {unit}</source>
        <translation>损失（对 {count} 个样本求和）= {loss} {unit}</translation>
    </message>
    <message>
        <source>the number of values, {count} × {classes}</source>
        <translation>值的个数，{count} × {classes}</translation>
    </message>
    <message>
        <source>the summed weights of the counted samples</source>
        <translation>计入样本的权重之和</translation>
    </message>
    <message>
        <source>the number of counted samples</source>
        <translation>计入的样本数</translation>
    </message>
    <message>
        <source>the number of samples</source>
        <translation>样本数</translation>
    </message>
    <message>
        <source>The mean divides the summed losses by {what}.</source>
        <translation>平均值是将损失之和除以{what}。</translation>
    </message>
    <message>
        <source>loss (mean) = {total} / {divisor} = {loss} {unit}</source>
        <translation>损失（平均）= {total} / {divisor} = {loss} {unit}</translation>
    </message>
    <message>
        <source>The models</source>
        <translation>各模型</translation>
    </message>
    <message>
        <source>{name}: no sample is counted</source>
        <translation>{name}：没有计入任何样本</translation>
    </message>
    <message>
        <source>{name}: L = {loss} {unit} (lower is better) — the lowest</source>
        <translation>{name}：L = {loss} {unit}（越低越好）— 最低</translation>
    </message>
    <message>
        <source>{name}: L = {loss} {unit} (lower is better)</source>
        <translation>{name}：L = {loss} {unit}（越低越好）</translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <source>Cat, dog or pig?</source>
        <translation>猫、狗还是猪？</translation>
    </message>
    <message>
        <source>Start: cat, dog or pig (3, 1, −3)</source>
        <translation>开始：猫、狗还是猪（3, 1, −3）</translation>
    </message>
</context>
<context>
    <name>cli</name>
    <message>
        <source>softmax</source>
        <translation>softmax</translation>
    </message>
    <message>
        <source>sigmoid</source>
        <translation>sigmoid</translation>
    </message>
    <message>
        <source>logits</source>
        <translation>logits</translation>
    </message>
    <message>
        <source>probabilities</source>
        <translation>概率</translation>
    </message>
    <message>
        <source>mean</source>
        <translation>平均</translation>
    </message>
    <message>
        <source>sum</source>
        <translation>求和</translation>
    </message>
    <message>
        <source>nats</source>
        <translation>奈特</translation>
    </message>
    <message>
        <source>bits</source>
        <translation>比特</translation>
    </message>
    <message>
        <source>class</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>p</source>
        <translation>p</translation>
    </message>
    <message>
        <source>target</source>
        <translation>目标</translation>
    </message>
    <message>
        <source>term</source>
        <translation>项</translation>
    </message>
    <message>
        <source>gradient</source>
        <translation>梯度</translation>
    </message>
    <message>
        <source>logit-lab: {path}: {error}</source>
        <translation>logit-lab：{path}：{error}</translation>
    </message>
    <message>
        <source>Mode: {mode}, input: {input}, reduction: {reduction}</source>
        <translation>模式：{mode}，输入：{input}，汇总方式：{reduction}</translation>
    </message>
    <message>
        <source>Loss: {loss} {unit} (total {total} / {divisor})</source>
        <translation>损失：{loss} {unit}（总和 {total} / {divisor}）</translation>
    </message>
    <message>
        <source>ignored</source>
        <translation>已忽略</translation>
    </message>
    <message>
        <source>Sample {name}: loss {loss}, H(y) {h} + KL(y‖p) {kl} = CE {ce}, predicted {predicted} {mark}</source>
        <translation>样本“{name}”：损失 {loss}，H(y) {h} + KL(y‖p) {kl} = CE {ce}，预测 {predicted} {mark}</translation>
    </message>
    <message>
        <source>Logit Lab: see softmax, sigmoid and cross-entropy at work.</source>
        <translation>Logit Lab：看 softmax、sigmoid 和交叉熵如何运作。</translation>
    </message>
    <message>
        <source>a scenario file (.json) to open</source>
        <translation>要打开的场景文件（.json）</translation>
    </message>
    <message>
        <source>print the results for a scenario file, without a window</source>
        <translation>不打开窗口，打印场景文件的计算结果</translation>
    </message>
    <message>
        <source>with --compute: print JSON</source>
        <translation>与 --compute 一起使用：输出 JSON</translation>
    </message>
    <message>
        <source>with --compute: first take STEPS gradient steps on the logits</source>
        <translation>与 --compute 一起使用：先对 logits 做 STEPS 步梯度下降</translation>
    </message>
    <message>
        <source>with --train: the learning rate (default 1.0)</source>
        <translation>与 --train 一起使用：学习率（默认 1.0）</translation>
    </message>
    <message>
        <source>check a lesson file: every step&apos;s scenario, text and question</source>
        <translation>检查一个课程文件：每一步的场景、文字和问题</translation>
    </message>
    <message>
        <source>print the version and exit</source>
        <translation>打印版本号并退出</translation>
    </message>
    <message>
        <source>open the window, load every example, render, and exit (a self-test)</source>
        <translation>打开窗口，加载所有示例，渲染后退出（自检）</translation>
    </message>
    <message>
        <source>logit-lab: --train and --lr need --compute FILE</source>
        <translation>logit-lab：--train 和 --lr 需要与 --compute FILE 一起使用</translation>
    </message>
    <message>
        <source>logit-lab: --lr needs --train STEPS</source>
        <translation>logit-lab：--lr 需要与 --train STEPS 一起使用</translation>
    </message>
    <message>
        <source>logit-lab: --train: STEPS must be a whole number from 1 to {limit}, got &apos;{value}&apos;</source>
        <translation>logit-lab：--train：STEPS 必须是 1 到 {limit} 之间的整数，得到的是“{value}”</translation>
    </message>
    <message>
        <source>logit-lab: --lr: LR must be a number greater than 0, got &apos;{value}&apos;</source>
        <translation>logit-lab：--lr：LR 必须是大于 0 的数，得到的是“{value}”</translation>
    </message>
    <message>
        <source>Training: {steps} gradient steps on the logits, lr {lr}: loss {before} → {after} {unit}</source>
        <translation>训练：对 logits 做 {steps} 步梯度下降，学习率 {lr}：损失 {before} → {after} {unit}</translation>
    </message>
    <message>
        <source>  {name}: logits {logits}</source>
        <translation>  {name}：logits {logits}</translation>
    </message>
    <message>
        <source>{path}: {title}: {steps} steps, {questions} questions</source>
        <translation>{path}：{title}：共 {steps} 步，{questions} 道题</translation>
    </message>
    <message>
        <source>step {step}: {problem}</source>
        <translation>第 {step} 步：{problem}</translation>
    </message>
    <message>
        <source>logit-lab: --convention needs --compute FILE</source>
        <translation>logit-lab：--convention 需要与 --compute FILE 一起使用</translation>
    </message>
    <message>
        <source>{model}: loss {loss} {unit} (total {total} / {divisor})</source>
        <translation>{model}：损失 {loss} {unit}（总和 {total} / {divisor}）</translation>
    </message>
    <message>
        <source>  ← lowest</source>
        <translation>  ← 最低</translation>
    </message>
    <message>
        <source>Lowest loss: {models} (lower is better)</source>
        <translation>损失最低：{models}（越低越好）</translation>
    </message>
    <message>
        <source>— {model} —</source>
        <translation>— {model} —</translation>
    </message>
    <message>
        <source>each probability row divided by its sum</source>
        <translation>每行概率都除以该行之和</translation>
    </message>
    <message>
        <source>p clipped to [{low}, {high}]</source>
        <translation>p 被截断到 [{low}, {high}]</translation>
    </message>
    <message>
        <source>a probability that is not 0 became exactly 0 in float64 (p below {smallest}, or 1 − p below {one})</source>
        <translation>一个本不为 0 的概率在 float64 中变成了恰好 0（p 小于 {smallest}，或 1 − p 小于 {one}）</translation>
    </message>
    <message>
        <source>each logarithm clamped at {bound}</source>
        <translation>每个对数都被限制在不低于 {bound}</translation>
    </message>
    <message>
        <source>0 · ln 0 computed as 0 · (−∞) = nan</source>
        <translation>0 · ln 0 按 0 · (−∞) 计算，得到 nan</translation>
    </message>
    <message>
        <source>rows that do not sum to 1 used as they are, with a warning (the same value as the textbook)</source>
        <translation>和不为 1 的行按原样使用，并给出警告（数值与教科书相同）</translation>
    </message>
    <message>
        <source>it takes no class weights</source>
        <translation>它不支持类别权重</translation>
    </message>
    <message>
        <source>it takes no pos_weight</source>
        <translation>它不支持 pos_weight</translation>
    </message>
    <message>
        <source>it cannot leave samples out (ignore_index)</source>
        <translation>它不能排除样本（ignore_index）</translation>
    </message>
    <message>
        <source>it takes no label smoothing</source>
        <translation>它不支持标签平滑</translation>
    </message>
    <message>
        <source>it takes only targets of 0 and 1</source>
        <translation>它只接受 0 和 1 的目标</translation>
    </message>
    <message>
        <source>it needs at least two classes</source>
        <translation>它至少需要两个类别</translation>
    </message>
    <message>
        <source>every sample&apos;s class weight is 0</source>
        <translation>每个样本的类别权重都是 0</translation>
    </message>
    <message>
        <source>logit-lab: {path}: {library} cannot compute this loss: {why}</source>
        <translation>logit-lab：{path}：{library} 无法计算这个损失：{why}</translation>
    </message>
    <message>
        <source>Convention: {library}</source>
        <translation>约定：{library}</translation>
    </message>
    <message>
        <source>Call:</source>
        <translation>调用：</translation>
    </message>
    <message>
        <source>Loss: {loss} {unit} (textbook: {textbook})</source>
        <translation>损失：{loss} {unit}（教科书：{textbook}）</translation>
    </message>
    <message>
        <source>Sample {name}: loss {loss}</source>
        <translation>样本“{name}”：损失 {loss}</translation>
    </message>
    <message>
        <source>Rule: {rule} (samples {names})</source>
        <translation>规则：{rule}（样本 {names}）</translation>
    </message>
    <message>
        <source>with --compute: the loss as that library&apos;s call returns it (default: textbook)</source>
        <translation>与 --compute 一起使用：按该库的调用返回的方式给出损失（默认：textbook，教科书）</translation>
    </message>
    <message>
        <source>lay the window out (with FILE, or the start scenario), save it as this PNG and exit; with --smoke: save a screenshot of the screen</source>
        <translation>布置窗口（打开 FILE，或启动时的场景），保存为此 PNG 文件后退出；与 --smoke 一起使用时：保存屏幕截图</translation>
    </message>
    <message>
        <source>with --screenshot: the window&apos;s size in pixels, e.g. 1280x720</source>
        <translation>与 --screenshot 一起使用：窗口大小（像素），例如 1280x720</translation>
    </message>
    <message>
        <source>with --screenshot: show the presentation stage</source>
        <translation>与 --screenshot 一起使用：显示演示舞台</translation>
    </message>
    <message>
        <source>with --screenshot: the language, en or zh_CN</source>
        <translation>与 --screenshot 一起使用：语言，en 或 zh_CN</translation>
    </message>
    <message>
        <source>logit-lab: --size, --presentation and --language need --screenshot PNG</source>
        <translation>logit-lab：--size、--presentation 和 --language 需要 --screenshot PNG</translation>
    </message>
    <message>
        <source>logit-lab: --screenshot: PNG must be a file name ending in .png, got &apos;{value}&apos;</source>
        <translation>logit-lab：--screenshot：PNG 必须是以 .png 结尾的文件名，收到的是“{value}”</translation>
    </message>
    <message>
        <source>logit-lab: --screenshot: cannot write &apos;{path}&apos;: no such folder</source>
        <translation>logit-lab：--screenshot：无法写入“{path}”：文件夹不存在</translation>
    </message>
    <message>
        <source>logit-lab: --size: WxH must be two whole numbers of pixels from 200 to 10000, e.g. 1280x720, got &apos;{value}&apos;</source>
        <translation>logit-lab：--size：WxH 必须是 200 到 10000 之间的两个整数像素值，例如 1280x720，收到的是“{value}”</translation>
    </message>
    <message>
        <source>logit-lab: --language: CODE must be one of {codes}, got &apos;{value}&apos;</source>
        <translation>logit-lab：--language：CODE 必须是 {codes} 之一，收到的是“{value}”</translation>
    </message>
    <message>
        <source>logit-lab: --screenshot: cannot write &apos;{path}&apos;</source>
        <translation>logit-lab：--screenshot：无法写入“{path}”</translation>
    </message>
</context>
<context>
    <name>clipboard</name>
    <message>
        <source>Nothing pasted: the commas in &apos;{line}&apos; could separate columns or belong to numbers (1,5 or 1,000). Separate columns with tabs and write decimals with a dot.</source>
        <translation>未粘贴任何内容：“{line}”中的逗号既可能分隔列，也可能属于数字（如 1,5 或 1,000）。请用制表符分隔列，并用小数点（.）书写小数。</translation>
    </message>
    <message>
        <source>The clipboard does not hold a block of numbers (rows of equally many values).</source>
        <translation>剪贴板中不是一块数字（各行的值个数应相同）。</translation>
    </message>
    <message>
        <source>Nothing pasted: {reason}</source>
        <translation>未粘贴任何内容：{reason}</translation>
    </message>
</context>
<context>
    <name>example data</name>
    <message>
        <source>spam</source>
        <translation>垃圾邮件</translation>
    </message>
    <message>
        <source>email 1</source>
        <translation>邮件 1</translation>
    </message>
    <message>
        <source>email 2</source>
        <translation>邮件 2</translation>
    </message>
    <message>
        <source>email 3</source>
        <translation>邮件 3</translation>
    </message>
    <message>
        <source>email 4</source>
        <translation>邮件 4</translation>
    </message>
    <message>
        <source>Model 1</source>
        <translation>模型 1</translation>
    </message>
    <message>
        <source>not spam</source>
        <translation>非垃圾邮件</translation>
    </message>
    <message>
        <source>cat</source>
        <translation>猫</translation>
    </message>
    <message>
        <source>dog</source>
        <translation>狗</translation>
    </message>
    <message>
        <source>pig</source>
        <translation>猪</translation>
    </message>
    <message>
        <source>photo 1</source>
        <translation>照片 1</translation>
    </message>
    <message>
        <source>photo 2</source>
        <translation>照片 2</translation>
    </message>
    <message>
        <source>photo 3</source>
        <translation>照片 3</translation>
    </message>
    <message>
        <source>Model 2</source>
        <translation>模型 2</translation>
    </message>
    <message>
        <source>atelectasis</source>
        <translation>肺不张</translation>
    </message>
    <message>
        <source>cardiomegaly</source>
        <translation>心脏增大</translation>
    </message>
    <message>
        <source>effusion</source>
        <translation>胸腔积液</translation>
    </message>
    <message>
        <source>pneumonia</source>
        <translation>肺炎</translation>
    </message>
    <message>
        <source>pneumothorax</source>
        <translation>气胸</translation>
    </message>
    <message>
        <source>patient 1</source>
        <translation>患者 1</translation>
    </message>
    <message>
        <source>patient 2</source>
        <translation>患者 2</translation>
    </message>
    <message>
        <source>patient 3</source>
        <translation>患者 3</translation>
    </message>
    <message>
        <source>photo 1 (a cat)</source>
        <translation>照片 1（猫）</translation>
    </message>
    <message>
        <source>photo 2 (a dog)</source>
        <translation>照片 2（狗）</translation>
    </message>
    <message>
        <source>class 0</source>
        <translation>类别 0</translation>
    </message>
    <message>
        <source>class 1</source>
        <translation>类别 1</translation>
    </message>
    <message>
        <source>class 2</source>
        <translation>类别 2</translation>
    </message>
    <message>
        <source>sample 1</source>
        <translation>样本 1</translation>
    </message>
    <message>
        <source>sample 2</source>
        <translation>样本 2</translation>
    </message>
    <message>
        <source>sample 3</source>
        <translation>样本 3</translation>
    </message>
    <message>
        <source>A</source>
        <translation>A</translation>
    </message>
    <message>
        <source>B</source>
        <translation>B</translation>
    </message>
    <message>
        <source>C</source>
        <translation>C</translation>
    </message>
    <message>
        <source>example</source>
        <translation>例子</translation>
    </message>
    <message>
        <source>甲</source>
        <translation>甲</translation>
    </message>
    <message>
        <source>乙</source>
        <translation>乙</translation>
    </message>
    <message>
        <source>photo</source>
        <translation>照片</translation>
    </message>
    <message>
        <source>Model {number}</source>
        <translation>模型 {number}</translation>
    </message>
</context>
<context>
    <name>exports</name>
    <message>
        <source>sample</source>
        <translation>样本</translation>
    </message>
    <message>
        <source>class</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>probability</source>
        <translation>概率</translation>
    </message>
    <message>
        <source>target</source>
        <translation>目标</translation>
    </message>
    <message>
        <source>term</source>
        <translation>项</translation>
    </message>
    <message>
        <source>gradient</source>
        <translation>梯度</translation>
    </message>
    <message>
        <source>predicted</source>
        <translation>预测</translation>
    </message>
    <message>
        <source>logit</source>
        <translation>logit</translation>
    </message>
    <message>
        <source>input probability</source>
        <translation>输入概率</translation>
    </message>
    <message>
        <source>loss</source>
        <translation>损失</translation>
    </message>
    <message>
        <source>entropy H(y)</source>
        <translation>信息熵 H(y)</translation>
    </message>
    <message>
        <source>KL(y‖p)</source>
        <translation>KL(y‖p)</translation>
    </message>
    <message>
        <source>cross-entropy</source>
        <translation>交叉熵</translation>
    </message>
    <message>
        <source>correct</source>
        <translation>正确</translation>
    </message>
    <message>
        <source>ignored</source>
        <translation>已忽略</translation>
    </message>
    <message>
        <source>model</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>Model: {name}</source>
        <translation>模型：{name}</translation>
    </message>
    <message>
        <source>batch loss</source>
        <translation>批次损失</translation>
    </message>
    <message>
        <source>total</source>
        <translation>总和</translation>
    </message>
    <message>
        <source>divisor</source>
        <translation>除数</translation>
    </message>
    <message>
        <source>reduction</source>
        <translation>汇总方式</translation>
    </message>
    <message>
        <source>unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>the plot could not be turned into a PNG image</source>
        <translation>无法将图表转换为 PNG 图像</translation>
    </message>
</context>
<context>
    <name>loss</name>
    <message>
        <source>nats</source>
        <translation>奈特</translation>
    </message>
    <message>
        <source>bits</source>
        <translation>比特</translation>
    </message>
    <message>
        <source>{model}: {text}</source>
        <translation>{model}：{text}</translation>
    </message>
    <message>
        <source>Batch loss {how} = — (no sample is counted)</source>
        <translation>批次损失{how} = —（没有计入任何样本）</translation>
    </message>
    <message>
        <source>Batch loss {how} = {loss} {unit}</source>
        <translation>批次损失{how} = {loss} {unit}</translation>
    </message>
    <message>
        <source>(sum)</source>
        <translation>（求和）</translation>
    </message>
    <message>
        <source>(mean over 1 label)</source>
        <translation>（对 1 个标签取平均）</translation>
    </message>
    <message>
        <source>(mean over %n labels)</source>
        <translation>（对 %n 个标签取平均）</translation>
    </message>
    <message>
        <source>(weighted mean: total ÷ {weight})</source>
        <translation>（加权平均：总和 ÷ {weight}）</translation>
    </message>
    <message>
        <source>(mean over 1 sample)</source>
        <translation>（对 1 个样本取平均）</translation>
    </message>
    <message>
        <source>(mean over %n samples)</source>
        <translation>（对 %n 个样本取平均）</translation>
    </message>
</context>
<context>
    <name>messages</name>
    <message>
        <source>{field} must be a whole number, got {value}</source>
        <translation>{field} 必须是整数，实际为 {value}</translation>
    </message>
    <message>
        <source>rows have {columns} columns but there are {classes} classes</source>
        <translation>rows 有 {columns} 列，但共有 {classes} 个类别</translation>
    </message>
    <message>
        <source>options.{field} has {count} values but there are {classes} classes</source>
        <translation>options.{field} 有 {count} 个值，但共有 {classes} 个类别</translation>
    </message>
    <message>
        <source>targets: expected {rows} class indices or {rows} rows of {classes} values, got shape {shape}</source>
        <translation>targets：应为 {rows} 个类别索引，或 {rows} 行、每行 {classes} 个值，实际形状为 {shape}</translation>
    </message>
    <message>
        <source>targets: expected {rows} rows of {classes} labels between 0 and 1, got shape {shape}</source>
        <translation>targets：应为 {rows} 行、每行 {classes} 个介于 0 和 1 之间的标签，实际形状为 {shape}</translation>
    </message>
    <message>
        <source>&quot;{field}&quot; must be a list</source>
        <translation>“{field}”必须是列表</translation>
    </message>
    <message>
        <source>{field} must be a non-empty table of numbers (a list of equally long rows)</source>
        <translation>{field} 必须是非空的数字表（由等长的行组成的列表）</translation>
    </message>
    <message>
        <source>{field} must be a list of rows</source>
        <translation>{field} 必须是由行组成的列表</translation>
    </message>
    <message>
        <source>{field} must be a non-empty list of names</source>
        <translation>{field} 必须是非空的名称列表</translation>
    </message>
    <message>
        <source>samples must be a list of {count} names</source>
        <translation>samples 必须是包含 {count} 个名称的列表</translation>
    </message>
    <message>
        <source>{field} must be a list of numbers</source>
        <translation>{field} 必须是数字列表</translation>
    </message>
    <message>
        <source>{field}: row {row} has {count} values, row 1 has {first}</source>
        <translation>{field}：第 {row} 行有 {count} 个值，而第 1 行有 {first} 个</translation>
    </message>
    <message>
        <source>{cell}: {value} is not a probability between 0 and 1</source>
        <translation>{cell}：{value} 不是介于 0 和 1 之间的概率</translation>
    </message>
    <message>
        <source>target of row {row}: {value} is not a class index from 0 to {last}</source>
        <translation>第 {row} 行的目标：{value} 不是 0 到 {last} 之间的类别索引</translation>
    </message>
    <message>
        <source>{cell}: {value} is not between 0 and 1</source>
        <translation>{cell}：{value} 不在 0 和 1 之间</translation>
    </message>
    <message>
        <source>target row {row} sums to {total}, not 1: a softmax target is a distribution</source>
        <translation>目标第 {row} 行之和为 {total}，而不是 1：softmax 的目标必须是概率分布</translation>
    </message>
    <message>
        <source>&quot;targets&quot; must be all class indices or all rows of values</source>
        <translation>“targets”必须全部是类别索引，或全部是数值行</translation>
    </message>
    <message>
        <source>{cell}: {value} is not a number</source>
        <translation>{cell}：{value} 不是数字</translation>
    </message>
    <message>
        <source>{field}: {value} is not a number</source>
        <translation>{field}：{value} 不是数字</translation>
    </message>
    <message>
        <source>{cell}: {value} is not a finite number</source>
        <translation>{cell}：{value} 不是有限数</translation>
    </message>
    <message>
        <source>{field}: {value} is not a finite number</source>
        <translation>{field}：{value} 不是有限数</translation>
    </message>
    <message>
        <source>{value} is not allowed: every value must be a finite number</source>
        <translation>不允许使用 {value}：每个值都必须是有限数</translation>
    </message>
    <message>
        <source>a number is too large for a 64-bit float</source>
        <translation>某个数字超出了 64 位浮点数的范围</translation>
    </message>
    <message>
        <source>{field} must be greater than {low}, got {value}</source>
        <translation>{field} 必须大于 {low}，实际为 {value}</translation>
    </message>
    <message>
        <source>{field} must be at least {low}, got {value}</source>
        <translation>{field} 必须至少为 {low}，实际为 {value}</translation>
    </message>
    <message>
        <source>{field} must be between {low} and {high}, got {value}</source>
        <translation>{field} 必须介于 {low} 和 {high} 之间，实际为 {value}</translation>
    </message>
    <message>
        <source>{field} must be one of {choices}; got {value}</source>
        <translation>{field} 必须是 {choices} 之一；实际为 {value}</translation>
    </message>
    <message>
        <source>{field}: &apos;{name}&apos; appears twice</source>
        <translation>{field}：“{name}”出现了两次</translation>
    </message>
    <message>
        <source>{field}: {value} is not text</source>
        <translation>{field}：{value} 不是文本</translation>
    </message>
    <message>
        <source>{field} is {length} characters long; at most {limit} are allowed</source>
        <translation>{field} 长 {length} 个字符；最多允许 {limit} 个</translation>
    </message>
    <message>
        <source>{field}: {value} holds half of a UTF-16 surrogate pair, which is not a character</source>
        <translation>{field}：{value} 含有半个 UTF-16 代理对，这不是一个字符</translation>
    </message>
    <message>
        <source>{field}: {value} contains a control character</source>
        <translation>{field}：{value} 含有控制字符</translation>
    </message>
    <message>
        <source>the last class cannot be removed</source>
        <translation>不能删除最后一个类别</translation>
    </message>
    <message>
        <source>the last model cannot be removed</source>
        <translation>不能删除最后一个模型</translation>
    </message>
    <message>
        <source>model {model} has no name: a model needs one</source>
        <translation>模型 {model} 没有名称：每个模型都需要名称</translation>
    </message>
    <message>
        <source>&quot;models&quot; must be a list of at least one model</source>
        <translation>“models”必须是至少包含一个模型的列表</translation>
    </message>
    <message>
        <source>{field} must be an object with &quot;name&quot; and &quot;rows&quot;</source>
        <translation>{field} 必须是包含“name”和“rows”的对象</translation>
    </message>
    <message>
        <source>{rows} × {columns} values, but model &apos;{first}&apos; has {count} × {columns}: every model has a row per sample</source>
        <translation>{rows} × {columns} 个值，但模型“{first}”有 {count} × {columns} 个：每个模型对每个样本都有一行</translation>
    </message>
    <message>
        <source>{models} models are more than the {limit} Logit Lab compares</source>
        <translation>{models} 个模型超过了 Logit Lab 能比较的上限 {limit}</translation>
    </message>
    <message>
        <source>{models} models of {cells} values in all is more than the {limit} Logit Lab handles</source>
        <translation>{models} 个模型共 {cells} 个值，超过了 Logit Lab 能处理的上限 {limit}</translation>
    </message>
    <message>
        <source>there is no such file</source>
        <translation>文件不存在</translation>
    </message>
    <message>
        <source>it is a folder or device, not a file</source>
        <translation>这是文件夹或设备，而不是文件</translation>
    </message>
    <message>
        <source>the file cannot be read ({reason})</source>
        <translation>无法读取文件（{reason}）</translation>
    </message>
    <message>
        <source>the file is not UTF-8 text (byte {byte} cannot be read); save it as UTF-8</source>
        <translation>文件不是 UTF-8 文本（第 {byte} 个字节无法读取）；请将其另存为 UTF-8</translation>
    </message>
    <message>
        <source>the file is larger than {limit} MB</source>
        <translation>文件大于 {limit} MB</translation>
    </message>
    <message>
        <source>{rows} × {columns} values is more than the {limit} Logit Lab handles</source>
        <translation>{rows} × {columns} 个值超过了 Logit Lab 能处理的上限 {limit}</translation>
    </message>
    <message>
        <source>not valid JSON: {reason} at line {line}, column {column}</source>
        <translation>不是有效的 JSON：第 {line} 行第 {column} 列：{reason}</translation>
    </message>
    <message>
        <source>the JSON is nested too deeply</source>
        <translation>JSON 嵌套层数过深</translation>
    </message>
    <message>
        <source>the JSON cannot be read ({reason})</source>
        <translation>无法读取 JSON（{reason}）</translation>
    </message>
    <message>
        <source>the file must hold a JSON object</source>
        <translation>文件必须包含一个 JSON 对象</translation>
    </message>
    <message>
        <source>&quot;options&quot; must be an object</source>
        <translation>“options”必须是对象</translation>
    </message>
    <message>
        <source>not a Logit Lab file (&quot;format&quot; must be &quot;logit-lab&quot;)</source>
        <translation>不是 Logit Lab 文件（“format”必须为“logit-lab”）</translation>
    </message>
    <message>
        <source>&quot;version&quot; must be a whole number from 1, got {value}</source>
        <translation>“version”必须是从 1 开始的整数，实际为 {value}</translation>
    </message>
    <message>
        <source>the file was written by a newer Logit Lab (format version {version}); this one reads up to version {supported}</source>
        <translation>该文件由更新版本的 Logit Lab 写入（格式版本 {version}）；当前版本最多只能读取版本 {supported}</translation>
    </message>
    <message>
        <source>missing field &apos;{field}&apos;</source>
        <translation>缺少字段“{field}”</translation>
    </message>
    <message>
        <source>unknown field {field}</source>
        <translation>未知字段 {field}</translation>
    </message>
    <message>
        <source>unknown option {field}</source>
        <translation>未知选项 {field}</translation>
    </message>
    <message>
        <source>model &apos;{name}&apos;: {problem}</source>
        <translation>模型“{name}”：{problem}</translation>
    </message>
    <message>
        <source>row {row}, column &apos;{name}&apos;</source>
        <translation>第 {row} 行，“{name}”列</translation>
    </message>
    <message>
        <source>row {row}, column {number}</source>
        <translation>第 {row} 行，第 {number} 列</translation>
    </message>
    <message>
        <source>targets row {row}, column &apos;{name}&apos;</source>
        <translation>targets 第 {row} 行，“{name}”列</translation>
    </message>
    <message>
        <source>targets row {row}, column {number}</source>
        <translation>targets 第 {row} 行，第 {number} 列</translation>
    </message>
    <message>
        <source>probabilities cannot be trained: only logits take a gradient step</source>
        <translation>概率无法训练：只有 logits 能做梯度下降</translation>
    </message>
    <message>
        <source>no sample is counted (every target is ignored or weighted 0): there is no loss to train</source>
        <translation>没有计入任何样本（每个目标都被忽略或权重为 0）：没有可训练的损失</translation>
    </message>
    <message>
        <source>only one sigmoid label or two softmax classes can be trained in both forms, not {classes} {mode} classes</source>
        <translation>只有一个 sigmoid 标签或两个 softmax 类别才能以两种形式训练，而不是 {classes} 个 {mode} 类别</translation>
    </message>
    <message>
        <source>The sigmoid label &apos;{name}&apos; is now the two-class softmax it equals: classes &apos;{negative}&apos; and &apos;{name}&apos; with logits (0, z), and the true class &apos;{name}&apos; (index {positive}) where y = 1. The probabilities and the loss are unchanged.</source>
        <translation>sigmoid 标签“{name}”现在是与之相等的两类 softmax：类别“{negative}”和“{name}”，logits 为 (0, z)；y = 1 时真实类别是“{name}”（索引 {positive}）。概率和损失都不变。</translation>
    </message>
    <message>
        <source>The label&apos;s weight and pos_weight are now the class weights ({class_weights}).</source>
        <translation>该标签的权重和 pos_weight 现在是类别权重（{class_weights}）。</translation>
    </message>
    <message>
        <source>The targets are written as rows (1 − y, y), not as class indices, so that the loss stays the same.</source>
        <translation>目标写成 (1 − y, y) 的行而不是类别索引，这样损失保持不变。</translation>
    </message>
    <message>
        <source>Label smoothing {label_smoothing} is now 0: sigmoid did not use it, and softmax would smooth the targets with it.</source>
        <translation>标签平滑 {label_smoothing} 现在为 0：sigmoid 不使用它，而 softmax 会用它平滑目标。</translation>
    </message>
    <message>
        <source>The two classes are now one sigmoid label &apos;{name}&apos;: p(&apos;{dropped}&apos;) is 1 − p(&apos;{name}&apos;).</source>
        <translation>两个类别现在是一个 sigmoid 标签“{name}”：p(“{dropped}”) 等于 1 − p(“{name}”)。</translation>
    </message>
    <message>
        <source>{where}: the one logit is the difference of the two, z₁ − z₀, which is all that decides the probabilities.</source>
        <translation>{where}：唯一的 logit 是原来两个 logit 之差 z₁ − z₀，概率只取决于它。</translation>
    </message>
    <message>
        <source>{where}: the probabilities did not sum to 1; only the second was kept, so the loss changed.</source>
        <translation>{where}：概率之和不为 1；只保留了第二个概率，因此损失改变了。</translation>
    </message>
    <message>
        <source>Label smoothing {label_smoothing} is now in the labels, y = (1 − ε)·y + ε/2, and the option is 0.</source>
        <translation>标签平滑 {label_smoothing} 现已并入标签 y = (1 − ε)·y + ε/2，该选项设为 0。</translation>
    </message>
    <message>
        <source>The class weights ({class_weights}) are now the label&apos;s weight {weight} and pos_weight {pos_weight}.</source>
        <translation>类别权重（{class_weights}）现在是该标签的权重 {weight} 和 pos_weight {pos_weight}。</translation>
    </message>
    <message>
        <source>The class weights ({class_weights}) cannot be written as a weight and a pos_weight: they were dropped, and the loss changed.</source>
        <translation>类别权重（{class_weights}）无法写成一个权重和一个 pos_weight：已被舍弃，损失因此改变。</translation>
    </message>
    <message>
        <source>{where}: left out by ignore_index, but sigmoid counts every sample, so now counted, with no true label.</source>
        <translation>{where}：原被 ignore_index 排除，但 sigmoid 计入每个样本，所以现在计入，且没有真实标签。</translation>
    </message>
    <message>
        <source>&quot;mean&quot; now divides by {after}, the number of samples, instead of {before}, the summed weights: the batch loss changed by that ratio.</source>
        <translation>“平均”现在除以样本数 {after}，而不是权重之和 {before}：批次损失按这个比例改变了。</translation>
    </message>
    <message>
        <source>{where}: several true labels, but softmax has one right answer, so the labels were divided by their sum.</source>
        <translation>{where}：有多个真实标签，但 softmax 只有一个正确答案，所以标签都除以了它们的和。</translation>
    </message>
    <message>
        <source>{where}: no true label, so the softmax target is uniform over the classes.</source>
        <translation>{where}：没有真实标签，所以 softmax 目标在各类别上均匀分布。</translation>
    </message>
    <message>
        <source>pos_weight ({pos_weight}) means nothing to softmax: it is kept, unused.</source>
        <translation>pos_weight（{pos_weight}）对 softmax 没有意义：保留但不使用。</translation>
    </message>
    <message>
        <source>{where}: a soft target, so each class&apos;s share is now a label of its own, no longer part of one distribution.</source>
        <translation>{where}：软目标，所以每个类别的份额现在是它自己的标签，不再是同一个分布的一部分。</translation>
    </message>
    <message>
        <source>Label smoothing {label_smoothing} means nothing to sigmoid: it is kept, unused.</source>
        <translation>标签平滑 {label_smoothing} 对 sigmoid 没有意义：保留但不使用。</translation>
    </message>
    <message>
        <source>Row {rows}</source>
        <translation>第 {rows} 行</translation>
    </message>
    <message>
        <source>Rows {rows}</source>
        <translation>第 {rows} 行</translation>
    </message>
</context>
<context>
    <name>numbers</name>
    <message>
        <source>&apos;{text}&apos; is not a number</source>
        <translation>“{text}”不是数字</translation>
    </message>
    <message>
        <source>&apos;{text}&apos; is not a number: write decimals with a dot, as in {example}</source>
        <translation>“{text}”不是数字：请用小数点书写小数，例如 {example}</translation>
    </message>
</context>
<context>
    <name>presets</name>
    <message>
        <source>Binary: sigmoid</source>
        <translation>二分类：sigmoid</translation>
    </message>
    <message>
        <source>Is an email spam? One logit z per email and a sigmoid: p(spam) = σ(z). Open &apos;Binary: two-class softmax&apos; for the same problem written with two classes. Both ways give the same probabilities and the same losses: email 1 (spam, z = 2) loses 0.1269 nats, and the batch loss is 0.2483 nats.</source>
        <translation>这封邮件是垃圾邮件吗？每封邮件一个 logit z，再经过 sigmoid：p(垃圾邮件) = σ(z)。打开“二分类：两类 softmax”可以看到用两个类别表示的同一个问题。两种写法给出相同的概率和相同的损失：邮件 1（垃圾邮件，z = 2）的损失为 0.1269 奈特，批次损失为 0.2483 奈特。</translation>
    </message>
    <message>
        <source>Binary: two-class softmax</source>
        <translation>二分类：两类 softmax</translation>
    </message>
    <message>
        <source>Is an email spam? Two logits per email, (0, z), and a softmax: p(spam) = e^z / (e^0 + e^z) = σ(z). Open &apos;Binary: sigmoid&apos; for the same problem written with one sigmoid. Both ways give the same probabilities and the same losses: email 1 (spam, z = 2) loses 0.1269 nats, and the batch loss is 0.2483 nats.</source>
        <translation>这封邮件是垃圾邮件吗？每封邮件两个 logit (0, z)，再经过 softmax：p(垃圾邮件) = e^z / (e^0 + e^z) = σ(z)。打开“二分类：sigmoid”可以看到用一个 sigmoid 表示的同一个问题。两种写法给出相同的概率和相同的损失：邮件 1（垃圾邮件，z = 2）的损失为 0.1269 奈特，批次损失为 0.2483 奈特。</translation>
    </message>
    <message>
        <source>Cat, dog or pig: which model is better?</source>
        <translation>猫、狗还是猪：哪个模型更好？</translation>
    </message>
    <message>
        <source>Two models classify the same three photos: photo 1 is a pig, photo 2 a dog, photo 3 a cat. Both models get photos 1 and 2 right and photo 3 wrong, so accuracy cannot tell them apart; cross-entropy can. Model 1&apos;s loss is 1.3784 nats, model 2&apos;s is 0.6391 nats: model 2 is better. It gives the true class more probability where it is right, and is less sure where it is wrong (0.3 for the cat instead of 0.1).</source>
        <translation>两个模型对同样的三张照片分类：照片 1 是猪，照片 2 是狗，照片 3 是猫。两个模型都把照片 1 和 2 分对、把照片 3 分错，所以准确率区分不出它们；交叉熵可以。模型 1 的损失为 1.3784 奈特，模型 2 为 0.6391 奈特：模型 2 更好。它在分对时给真实类别更高的概率，在分错时也没那么笃定（给猫 0.3 而不是 0.1）。</translation>
    </message>
    <message>
        <source>Label smoothing ε = 0.1 asks for the smoothed target y′ = (0.9333, 0.0333, 0.0333), not (1, 0, 0). Press Play in the Learn panel: each photo&apos;s logits settle where p = y′, with a gap of ln((1 − ε + ε/C)/(ε/C)) = ln 28 = 3.3322 between its true class and each other class, and the loss settles at H(y′) = 0.2911 nats. Press Reset, set label smoothing to 0 and press Play again: with hard labels the gap never settles; it is 4.97 after 100 steps and 7.31 after 1,000, and grows without end as the loss creeps toward 0.</source>
        <translation>标签平滑 ε = 0.1 要求的是平滑后的目标 y′ = (0.9333, 0.0333, 0.0333)，而不是 (1, 0, 0)。在“学习”面板中按“播放”：每张照片的 logits 会停在 p = y′ 处，真实类别与其他每个类别之间的差距为 ln((1 − ε + ε/C)/(ε/C)) = ln 28 = 3.3322，损失停在 H(y′) = 0.2911 nats。按“重置”，把标签平滑设为 0，再按“播放”：用硬标签时差距永不停止，100 步后为 4.97，1,000 步后为 7.31，随着损失逼近 0 而无限增大。</translation>
    </message>
    <message>
        <source>scikit-learn log_loss: two models</source>
        <translation>scikit-learn log_loss：两个模型</translation>
    </message>
    <message>
        <source>The same numbers as scikit-learn&apos;s sklearn.metrics.log_loss(y_true, y_pred) with y_true = [[0, 0, 1], [0, 1, 0], [1, 0, 0]] and two prediction sets: model 1&apos;s y_pred = [[0.3, 0.3, 0.4], [0.3, 0.4, 0.3], [0.1, 0.2, 0.7]] and model 2&apos;s y_pred = [[0.1, 0.2, 0.7], [0.1, 0.7, 0.2], [0.3, 0.4, 0.3]]. scikit-learn returns 1.3783888522474517 and 0.6391075640678003; each model&apos;s batch loss here (the mean over its three samples) is exactly that number, and model 2 has the lower loss. The targets are written as class indices: row 1 is class 2, row 2 class 1, row 3 class 0.</source>
        <translation>与 scikit-learn 的 sklearn.metrics.log_loss(y_true, y_pred) 使用相同的数字，其中 y_true = [[0, 0, 1], [0, 1, 0], [1, 0, 0]]，两组预测分别是：模型 1 的 y_pred = [[0.3, 0.3, 0.4], [0.3, 0.4, 0.3], [0.1, 0.2, 0.7]]，模型 2 的 y_pred = [[0.1, 0.2, 0.7], [0.1, 0.7, 0.2], [0.3, 0.4, 0.3]]。scikit-learn 返回 1.3783888522474517 和 0.6391075640678003；这里每个模型的批次损失（其三个样本的平均值）正是这两个数，模型 2 的损失更低。目标写作类别索引：第 1 行是类别 2，第 2 行是类别 1，第 3 行是类别 0。</translation>
    </message>
    <message>
        <source>The truth is (1, 0, 0). Model 甲 predicts (0.5, 0.2, 0.3): its loss is −ln 0.5 = 0.6931 nats. Model 乙 predicts (0.7, 0.1, 0.2): −ln 0.7 = 0.3567 nats. Only the probability given to the true class counts, so 乙, the model more confident in the truth, has the lower loss. (甲 and 乙, jiǎ and yǐ, are the Chinese A and B.)</source>
        <translation>真实标签是 (1, 0, 0)。模型甲预测 (0.5, 0.2, 0.3)：其损失为 −ln 0.5 = 0.6931 奈特。模型乙预测 (0.7, 0.1, 0.2)：−ln 0.7 = 0.3567 奈特。只有给正确答案的概率才算数，因此对正确答案更有把握的模型乙损失更低。</translation>
    </message>
    <message>
        <source>Multi-label chest X-ray</source>
        <translation>多标签胸部 X 光片</translation>
    </message>
    <message>
        <source>Each finding is its own yes/no question: one sigmoid per class, several findings can be true at once, and the probabilities need not sum to 1. Patient 1 has cardiomegaly and effusion; patient 2 atelectasis, effusion and pneumonia; patient 3 none of them. Patient 1&apos;s loss (summed over the five findings) is 0.7953 nats. The batch loss, 0.1758 nats, is the mean binary cross-entropy over all 15 patient–finding pairs, as PyTorch&apos;s BCEWithLogitsLoss computes it.</source>
        <translation>每种病变都是一道独立的“有还是没有”的判断题：每个类别一个 sigmoid，多种病变可以同时存在，概率之和也不必为 1。患者 1 有心脏增大和胸腔积液；患者 2 有肺不张、胸腔积液和肺炎；患者 3 都没有。患者 1 的损失（对五种病变求和）为 0.7953 奈特。批次损失 0.1758 奈特是全部 15 个“患者–病变”组合的二元交叉熵的平均值，与 PyTorch 的 BCEWithLogitsLoss 算法相同。</translation>
    </message>
    <message>
        <source>Next-token prediction</source>
        <translation>下一个词元预测</translation>
    </message>
    <message>
        <source>A language model reads &quot;The cat sat on the&quot; and scores each of the 4265 tokens of its vocabulary; a softmax turns the scores into a probability for the next token. The true next token is &quot;mat&quot;, the model&apos;s second choice after &quot;floor&quot;. At temperature 0.7 (logits divided by 0.7) it gets probability 0.1389 and the loss is 1.9741 nats (perplexity e^loss = 7.20). At temperature 1 the distribution is flatter: probability 0.0718, loss 2.6336 nats. Move the temperature to see sampling get bolder or safer.</source>
        <translation>一个语言模型读入 &quot;The cat sat on the&quot;，为词表中全部 4265 个词元打分；softmax 把这些分数变成下一个词元的概率。真实的下一个词元是 &quot;mat&quot;，它是模型在 &quot;floor&quot; 之后的第二选择。温度为 0.7 时（logits 除以 0.7），它的概率为 0.1389，损失为 1.9741 奈特（困惑度 e^loss = 7.20）。温度为 1 时分布更平缓：概率 0.0718，损失 2.6336 奈特。调节温度，看看采样如何变得更大胆或更保守。</translation>
    </message>
    <message>
        <source>Two models, one truth</source>
        <translation>两个模型，一个正确答案</translation>
    </message>
    <message>
        <source>Learning: sigmoid beside two-class softmax</source>
        <translation>学习：sigmoid 与两类 softmax 并排训练</translation>
    </message>
    <message>
        <source>Four emails, each with the logit z = 0 (p = 0.5): the loss is ln 2 = 0.6931 nats. In the Learn panel tick &apos;Train the other form beside it&apos; and press Play: this one-logit sigmoid and the two-class softmax with logits (0, z) that equals it train from the same start with the same learning rate (1, the panel&apos;s default), yet the softmax&apos;s loss falls faster. Its margin z₁ − z₀ moves twice as far per step, because each of its two logits takes the whole gradient ±(p − y)/4: after step 1 the sigmoid logit of email 1 is 0.125 and the softmax margin 0.25. After 30 steps the sigmoid&apos;s loss is 0.1379 nats, the softmax&apos;s 0.0696.</source>
        <translation>四封邮件，每封的 logit 都是 z = 0（p = 0.5）：损失为 ln 2 = 0.6931 奈特。在“学习”面板中勾选“同时训练另一种形式”并按“播放”：这个单 logit 的 sigmoid 与和它相等、logits 为 (0, z) 的两类 softmax 从同一起点、以相同的学习率（1，面板的默认值）训练，但 softmax 的损失下降得更快。它的差值 z₁ − z₀ 每步移动的距离是前者的两倍，因为它的两个 logit 都得到完整的梯度 ±(p − y)/4：第 1 步之后，邮件 1 的 sigmoid logit 为 0.125，softmax 的差值为 0.25。30 步之后，sigmoid 的损失为 0.1379 奈特，softmax 的为 0.0696。</translation>
    </message>
    <message>
        <source>Learning: class weights change which sample improves first</source>
        <translation>学习：类别权重决定哪个样本先变好</translation>
    </message>
    <message>
        <source>Both photos start alike: every logit 0, p = 1/3 for the true class. The class weights (1, 4, 1) count the dog&apos;s loss four times. Press Play in the Learn panel and watch p(true class) of each sample: the dog photo races ahead. After 10 steps p(dog) of photo 2 is 0.9148 and p(cat) of photo 1 only 0.6828. Press Reset, empty the class weights and train again: both reach 0.8592 after 10 steps, side by side.</source>
        <translation>两张照片起点相同：每个 logit 都是 0，真实类别的 p = 1/3。类别权重 (1, 4, 1) 把狗的损失算作四倍。在“学习”面板中按“播放”，观察每个样本的 p(真实类别)：狗的照片遥遥领先。10 步之后，照片 2 的 p(狗) 为 0.9148，而照片 1 的 p(猫) 只有 0.6828。按“重置”，清空类别权重后再训练：10 步之后两者并肩达到 0.8592。</translation>
    </message>
    <message>
        <source>Learning: label smoothing keeps the logits finite</source>
        <translation>学习：标签平滑让 logits 保持有限</translation>
    </message>
</context>
</TS>
