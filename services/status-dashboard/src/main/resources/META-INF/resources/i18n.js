/*
 * The pages' two languages: English (the texts as written) and Simplified Chinese. t('English text', {name: value})
 * gives the text in the chosen language with {name} filled in; elements marked data-i18n are translated at load.
 * The choice (the header's switch) is kept in localStorage; by default the browser's language decides.
 * Data shown (titles, rationales, names) is never translated: it is what people wrote.
 */
(function () {
  'use strict';

  const KEY = 'breachflow.lang';
  const ZH = {
    // page furniture
    'Skip to the incidents': '跳到事件列表', 'Skip to the incident': '跳到事件', 'incident board': '事件看板', 'incident': '事件',
    'Board': '看板', '← Board': '← 看板', 'Metrics': '指标', 'Actions': '操作', 'Filings': '报告', 'As of': '回溯',
    'Connecting…': '正在连接…', 'Live': '实时', 'Reconnecting…': '正在重新连接…', 'No live updates (browser)': '无实时更新（浏览器不支持）',
    'Incidents': '事件', 'Status': '状态', 'All': '全部', 'Overdue only': '仅逾期',
    'Incidents, newest first. Select a title to open the incident.': '事件，最新在前。选择标题以打开事件。',
    'Severity': '严重程度', 'Grade': '分级', 'Title': '标题', 'Source': '来源', 'Assignee': '负责人', 'Age': '已持续',
    'Next deadline': '下一截止时间', 'Overdue': '逾期', 'Open measures': '进行中的措施', 'Loading incidents…': '正在加载事件…',
    'Load older incidents': '加载更早的事件', 'Loading metrics…': '正在加载指标…', 'Median time to …': '中位用时：…', '(hours)': '（小时）',
    'Incidents by week': '每周事件数', 'Incidents by harm': '按危害分类的事件', 'Incidents by source': '按来源分类的事件',
    'Times in your local time zone. Deadlines count down live.': '时间均为本地时区。截止时间实时倒计时。',
    'Times in your local time zone.': '时间均为本地时区。', 'Loading…': '正在加载…', 'Incident': '事件',
    'Projection lag: {d}': '投影延迟：{d}', 'unknown': '未知', 'Last event: {time}': '最近事件：{time}', 'aware {time}': '知悉于 {time}',
    'OVERDUE {n}': '逾期 {n}', 'OVERDUE': '逾期', 'OVERDUE by {d}': '已逾期 {d}', '{d} left': '剩余 {d}', 'no clock': '无时限',
    'none': '无', 'No incidents match.': '没有符合条件的事件。', '{n} shown': '显示 {n} 个', '(more available)': '（还有更多）',
    'Incidents cannot be loaded: {reason}': '无法加载事件：{reason}', 'New incident: {title} ({severity})': '新事件：{title}（{severity}）',
    'Incident updated: {title}, {status}': '事件已更新：{title}，{status}', 'No data yet.': '暂无数据。',
    'Metrics are not available just now.': '指标暂时不可用。', 'False-positive rate: {rate}': '误报率：{rate}', 'no data': '无数据',
    'Triage': '研判', 'First measure': '首个措施', 'Containment': '控制', 'Regulator notified': '已报告监管部门',
    'No incident id in the address.': '地址中没有事件编号。', 'Not signed in: {reason}': '未登录：{reason}',
    'Signed in as {user} ({roles})': '已登录：{user}（{roles}）', 'no Breachflow role': '无 Breachflow 角色',
    // the incident's facts
    'Projection': '投影', 'STALLED since {time}: {reason}': '自 {time} 起停滞：{reason}', 'up to date': '最新', 'Harm': '危害',
    'Harms': '危害', 'Opened': '创建时间', 'Aware': '知悉时间', '(from alert time)': '（按告警时间）', '(from receipt)': '（按接收时间）',
    'not recorded (clocks ran from the opening)': '未记录（时限自创建起算）', 'First detection received': '首次检测接收',
    'First detection seen': '首次检测发现', 'Detections': '检测数', 'People affected': '受影响人数', '{verdict} by {who}': '{verdict}（{who}）',
    'not triaged': '未研判', 'Overdue obligations': '逾期义务', 'Resolved': '解决时间', 'Closed': '关闭时间',
    'Personal data erased': '个人信息已删除', 'Incident id': '事件编号', 'Updated {time}': '更新于 {time}',
    'The dashboard knows no incident {id} (yet).': '看板（尚）不知道事件 {id}。', 'The incident cannot be loaded: {reason}': '无法加载事件：{reason}',
    'The timeline cannot be loaded: {reason}': '无法加载时间线：{reason}', 'No events yet.': '尚无事件。',
    'Timeline': '时间线', '(newest first)': '（最新在前）',
    // obligations
    'Clocks and obligations': '时限与义务', 'Obligations of this incident, earliest due first': '本事件的义务，最早到期在前',
    'Obligation': '义务', 'Recipient': '接收方', 'Rule': '依据', 'Due': '截止', 'Time left': '剩余时间', 'State': '状态',
    'Still needs · actions': '尚需 · 操作', 'No obligations determined yet.': '尚未确定义务。', 'Needs: {what}': '尚需：{what}',
    'Met by recording the assessment.': '记录影响评估即履行。', 'Met by starting a measure.': '启动补救措施即履行。',
    'Waived by {who}: {ground}': '由 {who} 豁免：{ground}',
    // the console
    'Work the incident': '处置事件', 'Nothing to do here in this state.': '此状态下无可执行的操作。',
    'You may read this incident; your roles take no action on it.': '您可以查看本事件；您的角色不能对其操作。',
    'No actions here: the dashboard is not told where the workflow is (breachflow.console.workflow-url).': '此处无操作：看板未配置工作流地址（breachflow.console.workflow-url）。',
    'The workflow does not know this incident yet.': '工作流尚不知道本事件。', 'The workflow cannot be reached: {reason}': '无法连接工作流：{reason}',
    '{action}: recorded.': '{action}：已记录。', '{action} refused: {reason}': '{action}被拒绝：{reason}', '(optional)': '（可选）',
    'Verdict': '结论', 'Rationale': '理由', 'Kept in the log as evidence.': '作为证据记入日志。', 'Assign': '指派',
    'Start a measure': '启动补救措施', 'Kind of measure': '措施类型', 'What is being done': '正在采取的行动',
    'Assess the impact': '评估影响', 'Categories of personal data': '个人信息类别', 'Comma-separated, e.g. email, phone_number': '以逗号分隔，例如 email, phone_number',
    'Records affected': '受影响记录数', 'Where the people are': '个人所在地', 'ISO country codes or EU, comma-separated': 'ISO 国家代码或 EU，以逗号分隔',
    'Likely consequences for them': '对个人可能造成的影响', 'Sensitive personal information': '敏感个人信息', 'Data of minors': '未成年人信息',
    'A crime is suspected': '涉嫌犯罪', 'Harms found': '发现的危害', 'Why this grade': '分级理由', 'State a filing detail': '填写报告事项',
    'Item': '事项', 'Text': '内容', 'Resolve': '标记解决', 'Root cause and what was changed': '根本原因及所作改变', 'Close': '关闭',
    'Summary kept with the closed incident': '随关闭事件保存的总结', 'Reopen': '重新打开', 'Why it needs work again': '需要重新处理的原因',
    'Add a note': '添加备注', 'Note': '备注', 'Judge by the current profile': '按当前组织配置判定', 'Reason': '原因',
    'Erase personal data': '删除个人信息', 'Ground': '依据', 'Reference (a ticket, never a name)': '参考编号（工单号，切勿填写姓名）',
    'Complete: {what}': '完成：{what}', 'Complete': '完成', 'What it achieved': '取得的效果', 'It stopped or limited the harm': '已阻止或减轻危害',
    'Record the notice to people': '记录对个人的通知', 'Record the report': '记录报告', 'How they were told': '通知方式', 'People told': '已通知人数',
    'Authority told': '已报告的部门', 'Phase': '阶段', "The authority's reference": '主管部门的编号', 'Filing': '报告',
    'Content as sent': '实际发送的内容', 'Only its SHA-256 is kept.': '仅保存其 SHA-256。',
    'The filing cannot be generated: {reason}': '无法生成报告：{reason}', 'Waive': '豁免', 'Waive on this ground': '依此依据豁免',
    'Legal ground': '法律依据', 'Why the ground holds': '依据成立的理由', 'Revoke the waiver': '撤销豁免',
    'Filings generated from the log': '根据日志生成的报告', 'No filing yet: none of its duties has a recipient.': '暂无报告：尚无有接收方的义务。',
    'Preview': '预览', 'Copy': '复制', 'Download Markdown': '下载 Markdown', 'Download JSON': '下载 JSON', 'Copied: {what}': '已复制：{what}',
    'History as of a moment': '回溯某一时刻', 'At': '时刻', 'Show': '显示', 'or after awareness:': '或知悉后：',
    'What the log held at {time}:': '截至 {time} 日志中的记录：', 'The incident was not yet opened at {time}.': '{time} 时事件尚未创建。',
    'Measures': '措施', '{started} started, {completed} completed': '已启动 {started} 项，已完成 {completed} 项', 'not assessed': '未评估',
    'Notifications': '通知', 'Notes': '备注', 'Obligations then': '当时的义务', 'due {time}': '截止 {time}',
    // values (enums, shown as words)
    'OPEN': '待处理', 'CONFIRMED': '已确认', 'FALSE POSITIVE': '误报', 'RESOLVED': '已解决', 'CLOSED': '已关闭',
    'CRITICAL': '严重', 'HIGH': '高', 'MEDIUM': '中', 'LOW': '低',
    'GENERAL': '一般', 'RELATIVELY MAJOR': '较大', 'MAJOR': '重大', 'ESPECIALLY MAJOR': '特别重大',
    'REMEDIAL MEASURE': '补救措施', 'REGULATOR NOTIFICATION': '向主管部门报告', 'DATA SUBJECT NOTIFICATION': '告知个人',
    'FINAL REPORT': '总结报告', 'ASSESSMENT': '影响评估', 'FULFILLED': '已履行', 'WAIVED': '已豁免', 'WITHDRAWN': '已撤回',
    'CONTAIN': '控制', 'REVOKE CREDENTIALS': '吊销凭据', 'ISOLATE SYSTEM': '隔离系统', 'TAKE DOWN PUBLISHED DATA': '删除已公开的数据',
    'RESTORE FROM BACKUP': '从备份恢复', 'PATCH': '修补', 'OTHER': '其他',
    'DISCLOSURE': '泄露', 'LOSS': '丢失', 'DAMAGE': '毁损', 'TAMPERING': '篡改',
    'INITIAL': '初报', 'SUPPLEMENTARY': '续报', 'FINAL': '终报',
    'PLACE': '发生地点', 'SUPPORT NEEDED': '需要的支持', 'TREND': '发展趋势', 'RANSOM DEMAND': '勒索要求', 'SITE PROTECTION': '现场保护',
    'PLANNED MEASURES': '拟采取的措施', 'INDIVIDUAL MEASURES': '个人可采取的措施', 'LESSONS LEARNED': '经验教训',
    'DELAY REASONS': '迟报原因', 'PERPETRATOR FINDINGS': '责任方调查结果',
    'RETENTION ENDED': '保存期限届满', 'DATA SUBJECT REQUEST': '个人请求', 'DPO DECISION': '个人信息保护负责人决定',
    'viewer': '查看者', 'responder': '响应人员', 'dpo': '个人信息保护负责人', 'auditor': '审计员', 'admin': '管理员',
  };
  const LANGUAGES = {'zh-CN': ZH};

  function chosen() {
    try {
      const stored = localStorage.getItem(KEY);
      if (stored === 'en' || LANGUAGES[stored]) return stored;
    } catch (e) { /* storage refused: the browser's language */ }
    return (navigator.language || '').toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
  }
  const lang = chosen();

  function t(text, values) {
    const table = LANGUAGES[lang];
    const template = table && Object.prototype.hasOwnProperty.call(table, text) ? table[text] : text;
    return values ? template.replace(/\{(\w+)\}/g, (all, name) => name in values ? String(values[name]) : all) : template;
  }

  // Static texts: the element's English text is its key (kept in data-i18n once translated).
  function apply(root) {
    root.querySelectorAll('[data-i18n]').forEach((node) => {
      if (!node.dataset.i18n) node.dataset.i18n = node.textContent.trim();
      node.textContent = t(node.dataset.i18n);
    });
  }

  document.documentElement.lang = lang;
  apply(document);
  const select = document.getElementById('lang');
  if (select) {
    select.value = lang;
    // Everything on the page is drawn in the chosen language: a switch redraws it all (a reload, nothing lost but forms).
    select.addEventListener('change', () => {
      try { localStorage.setItem(KEY, select.value); } catch (e) { /* kept for this page only */ }
      location.reload();
    });
  }

  window.BreachflowI18n = {t, lang: () => lang, apply};
})();
