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
