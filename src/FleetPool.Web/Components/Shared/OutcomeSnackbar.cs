using FleetPool.Core.Common;
using MudBlazor;

namespace FleetPool.Web.Components.Shared;

/// <summary>How a page reports what a one-click action did: the success text, or the rule's own message as an error.</summary>
public static class OutcomeSnackbar
{
    /// <summary>Shows <paramref name="success"/> when the outcome succeeded, else its problem's summary.</summary>
    public static void Tell<T>(this ISnackbar snackbar, Outcome<T> outcome, string success) =>
        snackbar.Add(outcome.Succeeded ? success : outcome.Problem!.Summary, outcome.Succeeded ? Severity.Success : Severity.Error);
}
