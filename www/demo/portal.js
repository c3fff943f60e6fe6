// The portal's own script (not nianbao's): reacts to the widget's results and
// drives the iframe embed by postMessage.
const publish = document.getElementById('publish');
const status = document.getElementById('status');
document.addEventListener('nianbao-checked', (e) => {
  if (!e.target.hasAttribute('compact')) return;
  const { errors, warnings } = e.detail.summary;
  publish.disabled = errors > 0;
  status.textContent = errors > 0 ? `发现 ${errors} 个错误、${warnings} 个警告：修改后才能发布。` : '检查通过，可以发布。';
  status.dataset.errors = String(errors);
});

// The embed talks only to the origins named in `parent`: this page's own.
const frame = document.getElementById('frame');
const embed = new URL('../embed.html?lang=zh&compact', import.meta.url);
embed.searchParams.set('parent', location.origin);
frame.src = embed.href;
window.addEventListener('message', (e) => {
  if (e.source !== frame.contentWindow || e.origin !== embed.origin || !e.data) return;
  if (e.data.type === 'nianbao-resize') frame.style.height = e.data.height + 'px';
  if (e.data.type === 'nianbao-checked') frame.dataset.errors = String(e.data.result.summary.errors);
  // The article as the reader sees it: innerText keeps table cells tab-separated.
  if (e.data.type === 'nianbao-ready') frame.contentWindow.postMessage({ type: 'nianbao-check', text: document.getElementById('report').innerText }, embed.origin);
});
