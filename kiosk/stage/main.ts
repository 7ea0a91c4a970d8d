import '../lib/base.css';
import '../lib/type';
import './theme.css';
import { boot } from '../lib/boot';
import { startDevice } from '../lib/device/device-client';
import { DeviceState } from '../lib/device/device.svelte';
import App from './App.svelte';
import { StageRemote } from './stage-remote';

// The device client starts first: the live socket presents its token, so revoking this display
// closes that socket too. Commands it receives reach the app through the remote.
const device = new DeviceState();
const remote = new StageRemote();
const client = startDevice(device, {
  appVersion: __APP_VERSION__,
  currentView: () => remote.view,
  currentState: () => remote.state,
  onCommand: (command) => remote.receive(command),
});
remote.onChange = () => client.report();

boot(App, { view: 'stage', props: { device, remote }, deviceToken: client.token });
