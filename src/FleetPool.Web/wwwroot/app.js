// FleetPool: the little the pages need beyond Blazor and MudBlazor.
window.fleetPool = {
    // Brings an element into view only when it is below (or above) what the person sees: results that arrive are shown,
    // a page already showing them does not jump.
    reveal(id) {
        const el = document.getElementById(id);
        if (!el) return;
        const r = el.getBoundingClientRect();
        if (r.top < 0 || r.top > window.innerHeight - 96) {
            el.scrollIntoView({ behavior: "smooth", block: "start" });
        }
    },
    // Copies a text (the calendar link) to the clipboard.
    copy(text) {
        return navigator.clipboard?.writeText(text);
    },
};

// The connection notice (Components/Layout/ReconnectNotice.razor). Blazor sets the dialog's state; a server that no longer
// knows this page's circuit (the instance was restarted or lost, the proxy sent us to another) cannot resume it, so the
// page reloads there — the sign-in cookie holds — and then says it is back.
(() => {
    const dialog = document.getElementById("components-reconnect-modal");
    const back = document.getElementById("fleetpool-reconnected");
    if (!dialog || !back) return;
    const flag = "fleetpool-reconnected";
    const showBack = () => {
        back.hidden = false;
        setTimeout(() => { back.hidden = true; }, 10000);
    };
    if (sessionStorage.getItem(flag)) {
        sessionStorage.removeItem(flag);
        showBack();
    }
    let down = false;
    dialog.addEventListener("components-reconnect-state-changed", e => {
        const state = e.detail.state;
        if (state === "show" || state === "retrying") {
            down = true;
            if (!dialog.open) dialog.showModal();
        } else if (state === "hide") {
            if (dialog.open) dialog.close();
            if (down) showBack();
            down = false;
        } else if (state === "rejected" || state === "resume-failed") {
            if (!dialog.open) dialog.showModal();
            sessionStorage.setItem(flag, "1");
            setTimeout(() => location.reload(), 1500);
        } else if (state === "failed") {
            if (!dialog.open) dialog.showModal();
        }
    });
    document.getElementById("components-reconnect-button")?.addEventListener("click", () => location.reload());
})();
