// A request made by htmx after the session ended gets 499 from the gateway (not a redirect to the login page that
// the browser could not follow): reloading the page goes through the login and comes back here.
document.addEventListener("htmx:responseError", function (event) {
  if (event.detail.xhr && event.detail.xhr.status === 499) {
    window.location.reload();
  }
});
// Other failed answers are pages too (a problem shown next to its field): swap them in like a success.
document.addEventListener("htmx:beforeSwap", function (event) {
  var status = event.detail.xhr.status;
  if (status >= 400 && status < 499) {
    event.detail.shouldSwap = true;
    event.detail.isError = false;
  }
});
