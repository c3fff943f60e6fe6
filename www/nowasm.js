// Runs before the module: a browser without WebAssembly gets a plain message
// instead of a blank page.
(function () {
  var ok = typeof WebAssembly === 'object' && typeof WebAssembly.instantiate === 'function';
  if (ok) return;
  document.addEventListener('DOMContentLoaded', function () {
    var app = document.getElementById('app');
    if (app) app.innerHTML = '<p class="nowasm" role="alert">此浏览器不支持 WebAssembly，无法运行年报检查。请使用新版 Chrome、Edge、Firefox 或 Safari。<br>This browser does not support WebAssembly, which the checker needs. Please use a current Chrome, Edge, Firefox or Safari.</p>';
  });
})();
