// Click-to-load video players (portal/templates/blocks/video_facade.html).
// Nothing of a video service loads before the visitor clicks; without JavaScript the
// placeholder stays a plain link to the video on its service.

const ALLOW = "autoplay; encrypted-media; fullscreen; picture-in-picture; screen-wake-lock";

function startPlayer(facade) {
  const player = new URL(facade.dataset.player);
  player.searchParams.set("autoplay", "1");
  const frame = document.createElement("iframe");
  frame.src = player.href;
  frame.title = facade.dataset.title;
  frame.allow = ALLOW;
  frame.allowFullscreen = true;
  frame.className = "video-facade__frame";
  facade.replaceChildren(frame);
  facade.classList.add("video-facade--playing");
  frame.focus();
}

for (const facade of document.querySelectorAll("[data-video-facade]")) {
  const start = facade.querySelector(".video-facade__start");
  start.setAttribute("role", "button");
  start.addEventListener("click", (event) => {
    event.preventDefault();
    startPlayer(facade);
  });
  start.addEventListener("keydown", (event) => {
    if (event.key === " ") {
      event.preventDefault();
      startPlayer(facade);
    }
  });
}
