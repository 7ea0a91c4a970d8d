import AnnouncementScene from './AnnouncementScene.svelte';
import OverviewScene from './OverviewScene.svelte';
import VisitorsScene from './VisitorsScene.svelte';
import type { SceneDefinition } from './scene';

/** Every scene, in rotation order. */
export const SCENES: readonly SceneDefinition[] = [
  {
    id: 'overview',
    title: { 'zh-CN': '实时概览', en: 'Overview' },
    mode: 'rotate',
    component: OverviewScene,
    isAvailable: (stage) => stage.live.ready,
  },
  {
    id: 'visitors',
    title: { 'zh-CN': '观众与互动', en: 'Visitors & interest' },
    mode: 'rotate',
    component: VisitorsScene,
    isAvailable: (stage) => stage.live.ready,
  },
  {
    id: 'announcement',
    title: { 'zh-CN': '通知', en: 'Announcement' },
    mode: 'takeover',
    component: AnnouncementScene,
    isAvailable: (stage) => stage.announcements.length > 0,
  },
];
