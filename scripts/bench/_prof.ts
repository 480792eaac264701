import { spawn } from 'node:child_process';
import { createLinuxAdapter } from '../../electron/engine/platform/linux/adapter';
import { SocketSnapshotter } from '../../electron/engine/sockets/snapshotter';
import { runCommand } from '../../electron/engine/system/runner';
import { Session } from 'node:inspector/promises';
import fs from 'node:fs';
const script = `const net=require('net');const s=net.createServer(()=>{}).listen(0,'127.0.0.1',async()=>{const p=s.address().port;const k=[];for(let i=0;i<1250;i+=50){await Promise.all(Array.from({length:50},()=>new Promise(o=>{const c=net.connect(p,'127.0.0.1',o);k.push(c)})))}process.stdout.write('ready\\n')});setInterval(()=>{},1e9)`;
const kids = await Promise.all([0,1,2,3].map(()=>new Promise<any>(r=>{const c=spawn(process.execPath,['-e',script],{stdio:['ignore','pipe','inherit']});c.stdout!.once('data',()=>r(c))})));
const a=createLinuxAdapter({run:runCommand});
const mode = process.argv[2] ?? 'warm';
const snap=new SocketSnapshotter(a); await snap.take();
for (let i=0;i<5;i++){ await (mode==='cold'? new SocketSnapshotter(a).take() : snap.take()); }
const session = new Session(); session.connect(); await session.post('Profiler.enable'); await session.post('Profiler.start');
const times:number[]=[];
for (let i=0;i<10;i++){const s0=performance.now(); await (mode==='cold'? new SocketSnapshotter(a).take() : snap.take()); times.push(performance.now()-s0);}
const { profile } = await session.post('Profiler.stop');
fs.writeFileSync('/tmp/warm.cpuprofile', JSON.stringify(profile));
console.log(mode, times.map(t=>t.toFixed(1)).join(' '));
kids.forEach(k=>k.kill('SIGKILL'));
