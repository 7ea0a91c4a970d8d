import { main } from './content-cli';

void main('import');
