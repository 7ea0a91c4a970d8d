import '../lib/base.css';
import './theme.css';
import { startDoor } from './door.svelte';

const target = document.getElementById('app');
if (!target) throw new Error('the page has no #app element');
void startDoor(target);
