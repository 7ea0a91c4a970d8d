/**
 * The audit log in words, in both languages: what each recorded action means and what kind of
 * thing it changed. Zod-free, for the console (and anything else that shows the log). An action
 * not listed here (a newer server) shows as its code.
 */
type Words = { 'zh-CN': string; en: string };

export const AUDIT_ACTIONS: Record<string, Words> = {
  'item.create': { 'zh-CN': '新建展项', en: 'created an item' },
  'item.update': { 'zh-CN': '修改展项', en: 'edited an item' },
  'item.rollback': { 'zh-CN': '回滚展项', en: 'rolled an item back' },
  'item.delete': { 'zh-CN': '删除展项', en: 'deleted an item' },
  'section.update': { 'zh-CN': '修改板块', en: 'edited a section' },
  'exhibition.update': { 'zh-CN': '修改展会信息', en: 'edited the exhibition' },
  'content.replace': { 'zh-CN': '替换全部内容', en: 'replaced all content' },
  'content.import': { 'zh-CN': '导入内容', en: 'imported content' },
  'image.upload': { 'zh-CN': '上传图片', en: 'uploaded a picture' },
  'announcement.create': { 'zh-CN': '发布公告', en: 'sent an announcement' },
  'announcement.withdraw': { 'zh-CN': '撤回公告', en: 'withdrew an announcement' },
  'device.create': { 'zh-CN': '添加设备', en: 'added a screen' },
  'device.revoke': { 'zh-CN': '撤销设备', en: 'revoked a screen' },
  'device.command.reload': { 'zh-CN': '重新加载屏幕', en: 'reloaded a screen' },
  'device.command.identify': { 'zh-CN': '识别屏幕', en: 'identified a screen' },
  'device.command.set-locale': { 'zh-CN': '设置屏幕语言', en: "set a screen's language" },
  'device.command.pin-scene': { 'zh-CN': '固定舞台场景', en: 'pinned a stage scene' },
  'device.command.next-scene': { 'zh-CN': '切换到下一场景', en: 'skipped to the next scene' },
  'group.create': { 'zh-CN': '新建屏幕分组', en: 'created a screen group' },
  'group.update': { 'zh-CN': '修改屏幕分组', en: 'changed a screen group' },
  'group.delete': { 'zh-CN': '删除屏幕分组', en: 'deleted a screen group' },
  'group.command.reload': { 'zh-CN': '重新加载分组屏幕', en: "reloaded a group's screens" },
  'group.command.identify': { 'zh-CN': '识别分组屏幕', en: "identified a group's screens" },
  'group.command.set-locale': { 'zh-CN': '设置分组语言', en: "set a group's language" },
  'group.command.pin-scene': { 'zh-CN': '为分组固定场景', en: 'pinned a scene for a group' },
  'group.command.next-scene': { 'zh-CN': '分组切换下一场景', en: 'skipped a group to the next scene' },
  'schedule.create': { 'zh-CN': '新增节目单时段', en: 'added a run-of-show slot' },
  'schedule.update': { 'zh-CN': '修改节目单时段', en: 'changed a run-of-show slot' },
  'schedule.delete': { 'zh-CN': '删除节目单时段', en: 'deleted a run-of-show slot' },
  'counters.correct': { 'zh-CN': '修正数据', en: 'corrected a counter' },
  'counters.reset-day': { 'zh-CN': '清零一天的数据', en: "reset a day's figures" },
  'organisation.create': { 'zh-CN': '添加海外机构', en: 'added an organisation' },
  'organisation.import': { 'zh-CN': '导入海外机构', en: 'imported organisations' },
  'partner.create': { 'zh-CN': '添加杭州企业', en: 'added a Hangzhou partner' },
  'partner.import': { 'zh-CN': '导入杭州企业', en: 'imported Hangzhou partners' },
  'meeting.create': { 'zh-CN': '记录洽谈', en: 'recorded a meeting' },
  'meeting.step': { 'zh-CN': '推进洽谈', en: 'moved a meeting on' },
  'meeting.correct': { 'zh-CN': '更正洽谈', en: 'corrected a meeting' },
  'roadshow.project.create': { 'zh-CN': '添加路演项目', en: 'added a roadshow project' },
  'roadshow.project.delete': { 'zh-CN': '删除路演项目', en: 'deleted a roadshow project' },
  'roadshow.rubric': { 'zh-CN': '修改评分标准', en: 'changed the scoring rubric' },
  'roadshow.next-project': { 'zh-CN': '下一个路演项目', en: 'called the next project' },
  'roadshow.open-scoring': { 'zh-CN': '开始评分', en: 'opened scoring' },
  'roadshow.close-scoring': { 'zh-CN': '结束评分', en: 'closed scoring' },
  'roadshow.reveal': { 'zh-CN': '公布结果', en: 'revealed the results' },
  'roadshow.hide-results': { 'zh-CN': '隐藏结果', en: 'hid the results' },
  'rehearsal.clear': { 'zh-CN': '清除彩排数据', en: 'cleared the rehearsal data' },
  'user.create': { 'zh-CN': '新建账号', en: 'created an account' },
  'user.update': { 'zh-CN': '修改账号', en: 'changed an account' },
  'user.password-reset': { 'zh-CN': '重置密码', en: 'reset a password' },
};

export const AUDIT_TARGET_TYPES: Record<string, Words> = {
  item: { 'zh-CN': '展项', en: 'item' },
  section: { 'zh-CN': '板块', en: 'section' },
  exhibition: { 'zh-CN': '展会', en: 'exhibition' },
  content: { 'zh-CN': '内容', en: 'content' },
  image: { 'zh-CN': '图片', en: 'picture' },
  announcement: { 'zh-CN': '公告', en: 'announcement' },
  device: { 'zh-CN': '屏幕', en: 'screen' },
  group: { 'zh-CN': '屏幕分组', en: 'screen group' },
  schedule: { 'zh-CN': '节目单', en: 'run of show' },
  counters: { 'zh-CN': '数据', en: 'counters' },
  organisation: { 'zh-CN': '海外机构', en: 'organisation' },
  partner: { 'zh-CN': '杭州企业', en: 'Hangzhou partner' },
  meeting: { 'zh-CN': '洽谈', en: 'meeting' },
  project: { 'zh-CN': '路演项目', en: 'roadshow project' },
  rubric: { 'zh-CN': '评分标准', en: 'rubric' },
  roadshow: { 'zh-CN': '路演', en: 'roadshow' },
  rehearsal: { 'zh-CN': '彩排', en: 'rehearsal' },
  user: { 'zh-CN': '账号', en: 'account' },
};

/** An action in words ("sent an announcement"); an unknown one as its code. */
export function auditActionWords(action: string): Words {
  return AUDIT_ACTIONS[action] ?? { 'zh-CN': action, en: action };
}

/** A kind of target in words ("screen group"); an unknown one as its code. */
export function auditTargetTypeWords(type: string): Words {
  return AUDIT_TARGET_TYPES[type] ?? { 'zh-CN': type, en: type };
}

/** Who an announcement was for, in words: "all screens", "screen group “Hall A kiosks”". */
export function audienceWords(target: string, name: string | null): Words {
  switch (target) {
    case 'all':
      return { 'zh-CN': '全部屏幕', en: 'all screens' };
    case 'stage':
      return { 'zh-CN': '舞台大屏', en: 'stage displays' };
    case 'kiosks':
      return { 'zh-CN': '展台屏', en: 'booth kiosks' };
    case 'device':
      return { 'zh-CN': `屏幕“${name ?? '?'}”`, en: `screen “${name ?? '?'}”` };
    case 'group':
      return { 'zh-CN': `分组“${name ?? '?'}”`, en: `group “${name ?? '?'}”` };
    default:
      return { 'zh-CN': target, en: target };
  }
}
