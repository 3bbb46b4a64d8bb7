// Progressive enhancement: a "Copy" button for the letter; without JavaScript, select the text or download it.
(function () {
  var button = document.getElementById("copy-letter");
  var text = document.getElementById("letter-text");
  if (!button || !text || !navigator.clipboard) return;
  button.hidden = false;
  button.addEventListener("click", function () {
    navigator.clipboard.writeText(text.textContent).then(function () {
      button.textContent = button.dataset.done;
    });
  });
})();
