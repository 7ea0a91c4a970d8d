import { hasMeetings } from '../../lib/stage/deals';
import { hasRoadshow } from '../../lib/stage/roadshow';
import AnnouncementScene from './AnnouncementScene.svelte';
import MatchmakingScene from './MatchmakingScene.svelte';
import OverviewScene from './OverviewScene.svelte';
import RoadshowRevealScene from './RoadshowRevealScene.svelte';
import RoadshowScene from './RoadshowScene.svelte';
import VisitorsScene from './VisitorsScene.svelte';
import type { SceneDefinition } from './scene';
import { ROTATING_SCENES, type RotatingSceneId } from '../../../shared/stage.vocabulary';

const sceneTitle = (id: RotatingSceneId) => ROTATING_SCENES.find((scene) => scene.id === id)!.title;

/**
 * Every scene, in rotation order. Of the takeovers, the first available one wins: an announcement
 * comes before the roadshow reveal, which waits for it.
 */
export const SCENES: readonly SceneDefinition[] = [
  {
    id: 'overview',
    title: sceneTitle('overview'),
    mode: 'rotate',
    component: OverviewScene,
    isAvailable: (stage) => stage.live.ready,
  },
  {
    id: 'visitors',
    title: sceneTitle('visitors'),
    mode: 'rotate',
    component: VisitorsScene,
    isAvailable: (stage) => stage.live.ready,
  },
  {
    id: 'matchmaking',
    title: sceneTitle('matchmaking'),
    mode: 'rotate',
    component: MatchmakingScene,
    isAvailable: (stage) => stage.live.ready && stage.live.deals !== null,
    isEmpty: (stage) => !hasMeetings(stage.live.deals),
  },
  {
    id: 'roadshow',
    title: sceneTitle('roadshow'),
    mode: 'rotate',
    component: RoadshowScene,
    isAvailable: (stage) => stage.live.ready && stage.live.roadshow !== null,
    isEmpty: (stage) => !hasRoadshow(stage.live.roadshow),
  },
  {
    id: 'announcement',
    title: { 'zh-CN': '通知', en: 'Announcement' },
    mode: 'takeover',
    component: AnnouncementScene,
    isAvailable: (stage) => stage.announcements.length > 0,
  },
  {
    id: 'roadshow-reveal',
    title: { 'zh-CN': '路演成绩揭晓', en: 'Roadshow results' },
    mode: 'takeover',
    component: RoadshowRevealScene,
    isAvailable: (stage) => stage.reveal.playing,
  },
];
