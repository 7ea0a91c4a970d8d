/**
 * The audit log in words, in both languages: what each recorded action means and what kind of
 * thing it changed. Zod-free, for the console (and anything else that shows the log). An action
 * not listed here (a newer server) shows as its code.
 */
import { bilingual, type LocalizedText } from './i18n';

export const AUDIT_ACTIONS: Record<string, LocalizedText> = {
  'item.create': bilingual('新建展项', 'created an item'),
  'item.update': bilingual('修改展项', 'edited an item'),
  'item.rollback': bilingual('回滚展项', 'rolled an item back'),
  'item.delete': bilingual('删除展项', 'deleted an item'),
  'section.update': bilingual('修改板块', 'edited a section'),
  'exhibition.update': bilingual('修改展会信息', 'edited the exhibition'),
  'content.replace': bilingual('替换全部内容', 'replaced all content'),
  'content.import': bilingual('导入内容', 'imported content'),
  'image.upload': bilingual('上传图片', 'uploaded a picture'),
  'announcement.create': bilingual('发布公告', 'sent an announcement'),
  'announcement.withdraw': bilingual('撤回公告', 'withdrew an announcement'),
  'device.create': bilingual('添加设备', 'added a screen'),
  'device.revoke': bilingual('撤销设备', 'revoked a screen'),
  'device.command.reload': bilingual('重新加载屏幕', 'reloaded a screen'),
  'device.command.identify': bilingual('识别屏幕', 'identified a screen'),
  'device.command.set-locale': bilingual('设置屏幕语言', "set a screen's language"),
  'device.command.pin-scene': bilingual('固定舞台场景', 'pinned a stage scene'),
  'device.command.next-scene': bilingual('切换到下一场景', 'skipped to the next scene'),
  'group.create': bilingual('新建屏幕分组', 'created a screen group'),
  'group.update': bilingual('修改屏幕分组', 'changed a screen group'),
  'group.delete': bilingual('删除屏幕分组', 'deleted a screen group'),
  'group.command.reload': bilingual('重新加载分组屏幕', "reloaded a group's screens"),
  'group.command.identify': bilingual('识别分组屏幕', "identified a group's screens"),
  'group.command.set-locale': bilingual('设置分组语言', "set a group's language"),
  'group.command.pin-scene': bilingual('为分组固定场景', 'pinned a scene for a group'),
  'group.command.next-scene': bilingual('分组切换下一场景', 'skipped a group to the next scene'),
  'schedule.create': bilingual('新增节目单时段', 'added a run-of-show slot'),
  'schedule.update': bilingual('修改节目单时段', 'changed a run-of-show slot'),
  'schedule.delete': bilingual('删除节目单时段', 'deleted a run-of-show slot'),
  'counters.correct': bilingual('修正数据', 'corrected a counter'),
  'counters.reset-day': bilingual('清零一天的数据', "reset a day's figures"),
  'organisation.create': bilingual('添加海外机构', 'added an organisation'),
  'organisation.import': bilingual('导入海外机构', 'imported organisations'),
  'partner.create': bilingual('添加杭州企业', 'added a Hangzhou partner'),
  'partner.import': bilingual('导入杭州企业', 'imported Hangzhou partners'),
  'meeting.create': bilingual('记录洽谈', 'recorded a meeting'),
  'meeting.step': bilingual('推进洽谈', 'moved a meeting on'),
  'meeting.correct': bilingual('更正洽谈', 'corrected a meeting'),
  'roadshow.project.create': bilingual('添加路演项目', 'added a roadshow project'),
  'roadshow.project.delete': bilingual('删除路演项目', 'deleted a roadshow project'),
  'roadshow.rubric': bilingual('修改评分标准', 'changed the scoring rubric'),
  'roadshow.next-project': bilingual('下一个路演项目', 'called the next project'),
  'roadshow.open-scoring': bilingual('开始评分', 'opened scoring'),
  'roadshow.close-scoring': bilingual('结束评分', 'closed scoring'),
  'roadshow.reveal': bilingual('公布结果', 'revealed the results'),
  'roadshow.hide-results': bilingual('隐藏结果', 'hid the results'),
  'rehearsal.clear': bilingual('清除彩排数据', 'cleared the rehearsal data'),
  'user.create': bilingual('新建账号', 'created an account'),
  'user.update': bilingual('修改账号', 'changed an account'),
  'user.password-reset': bilingual('重置密码', 'reset a password'),
};

export const AUDIT_TARGET_TYPES: Record<string, LocalizedText> = {
  item: bilingual('展项', 'item'),
  section: bilingual('板块', 'section'),
  exhibition: bilingual('展会', 'exhibition'),
  content: bilingual('内容', 'content'),
  image: bilingual('图片', 'picture'),
  announcement: bilingual('公告', 'announcement'),
  device: bilingual('屏幕', 'screen'),
  group: bilingual('屏幕分组', 'screen group'),
  schedule: bilingual('节目单', 'run of show'),
  counters: bilingual('数据', 'counters'),
  organisation: bilingual('海外机构', 'organisation'),
  partner: bilingual('杭州企业', 'Hangzhou partner'),
  meeting: bilingual('洽谈', 'meeting'),
  project: bilingual('路演项目', 'roadshow project'),
  rubric: bilingual('评分标准', 'rubric'),
  roadshow: bilingual('路演', 'roadshow'),
  rehearsal: bilingual('彩排', 'rehearsal'),
  user: bilingual('账号', 'account'),
};

/** An action in words ("sent an announcement"); an unknown one as its code. */
export function auditActionWords(action: string): LocalizedText {
  return AUDIT_ACTIONS[action] ?? { 'zh-CN': action, en: action };
}

/** A kind of target in words ("screen group"); an unknown one as its code. */
export function auditTargetTypeWords(type: string): LocalizedText {
  return AUDIT_TARGET_TYPES[type] ?? { 'zh-CN': type, en: type };
}

/** Who an announcement was for, in words: "all screens", "screen group “Hall A kiosks”". */
export function audienceWords(target: string, name: string | null): LocalizedText {
  switch (target) {
    case 'all':
      return bilingual('全部屏幕', 'all screens');
    case 'stage':
      return bilingual('舞台大屏', 'stage displays');
    case 'kiosks':
      return bilingual('展台屏', 'booth kiosks');
    case 'device':
      return bilingual(`屏幕“${name ?? '?'}”`, `screen “${name ?? '?'}”`);
    case 'group':
      return bilingual(`分组“${name ?? '?'}”`, `group “${name ?? '?'}”`);
    default:
      return { 'zh-CN': target, en: target };
  }
}
