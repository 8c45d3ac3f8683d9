// The egress recorder (egress.ts) is not blind: each of its three ways sees an attempt it is meant to see.
// Nothing leaves the machine here: Chromium's requests end at the recording proxy on loopback, the Node
// socket is destroyed before its connect runs, and a connected UDP socket sends nothing.
import { createSocket } from 'node:dgram';
import net from 'node:net';
import { chromium } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { isLoopbackHost, processRemotes, startEgressRecorder } from './egress.js';

describe('egress recorder', () => {
  it('records Chromium requests to other hosts, over http and https, through its proxy', async () => {
    const egress = await startEgressRecorder();
    const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', `--proxy-server=${egress.proxy}`] });
    try {
      const page = await browser.newPage();
      await page.goto('http://198.51.100.7/tracker.gif').catch(() => undefined);
      await page.goto('https://fonts.example.org/css').catch(() => undefined);
      expect(egress.attempts()).toEqual(expect.arrayContaining(['chromium: GET http://198.51.100.7/tracker.gif', 'chromium: CONNECT fonts.example.org:443']));
    } finally {
      await browser.close();
      await egress.stop();
    }
  });

  it('records a Node connect to another host, and not one to loopback', async () => {
    const egress = await startEgressRecorder();
    try {
      net.connect(9, '198.51.100.7').destroy(); // destroyed before the connect is started: no packet
      const local = net.connect(9, '127.0.0.1');
      local.on('error', () => undefined);
      local.destroy();
      expect(egress.attempts()).toEqual(['node: connect 198.51.100.7']);
    } finally {
      await egress.stop();
    }
  });

  it('sees a socket of this process with a remote address in /proc', async () => {
    const socket = createSocket('udp4');
    await new Promise<void>((resolve) => socket.connect(53, '198.51.100.7', resolve));
    try {
      expect(processRemotes()).toContain('udp 198.51.100.7:53');
    } finally {
      socket.close();
    }
    expect(isLoopbackHost('127.0.0.1') && isLoopbackHost('[::1]') && !isLoopbackHost('10.0.0.1')).toBe(true);
  });
});
