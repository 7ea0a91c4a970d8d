import '../lib/base.css';
import '../lib/type';
import './theme.css';
import { boot } from '../lib/boot';
import App from './App.svelte';

boot(App, { view: 'phone' });
