// Adds a <nianbao-checker> on demand (the wasm must not load before).
document.getElementById('add').addEventListener('click', () => {
  const el = document.createElement('nianbao-checker');
  el.setAttribute('lang', 'en');
  document.getElementById('slot').append(el);
});
