/**
 * The start-up baseline: a bare Express 5 server answering GET /readyz, compiled and started the
 * same way as showfloor (`node <bundle>.js`, PORT and HOST from the environment). What showfloor
 * takes beyond this to answer /readyz is what the start-up row measures.
 */
import express from 'express';

const app = express();
app.get('/readyz', (_req, res) => void res.json({ status: 'ready' }));
app.listen(Number(process.env.PORT), process.env.HOST ?? '127.0.0.1');
