namespace FleetPool.Web.Api;

/// <summary>
/// A query-string value an endpoint reads through <see cref="QueryParser"/>, as the OpenAPI document describes it
/// (<see cref="Setup.OpenApiSetup"/>). The parser refuses to read a name the endpoint has not declared, so the document
/// cannot fall behind the code.
/// </summary>
internal sealed record QueryParameter(string Name, Type Type, string Description, bool Required);

/// <summary>A request body that is not JSON (a CSV file, a photo): its media types, for the OpenAPI document.</summary>
internal sealed record RawRequestBody(string[] ContentTypes, string Description);

internal static class QueryParameterExtensions
{
    /// <summary>Declares a query-string value the handler reads with <see cref="QueryParser"/>.</summary>
    public static RouteHandlerBuilder WithQuery<T>(this RouteHandlerBuilder builder, string name, string description, bool required = false) =>
        builder.WithMetadata(new QueryParameter(name, typeof(T), description, required));

    /// <summary>Declares the reports' period: from and to (yyyy-MM-dd), and the department when the report is by department.</summary>
    public static RouteHandlerBuilder WithPeriodQuery(this RouteHandlerBuilder builder, bool department, bool required = false) =>
        department
            ? builder.WithPeriodQuery(false, required).WithQuery<int>("department", "Only this department (a lead sees their own whatever this says).")
            : builder.WithQuery<NodaTime.LocalDate>("from", "First day, yyyy-MM-dd.", required).WithQuery<NodaTime.LocalDate>("to", "Last day, yyyy-MM-dd.", required);

    /// <summary>Declares page and pageSize, read by <see cref="QueryParser.Paging"/>; the answer carries Link and X-Total-Count.</summary>
    public static RouteHandlerBuilder WithPaging(this RouteHandlerBuilder builder, int maxSize, int? defaultSize = null) =>
        builder.WithQuery<int>("page", "Page number, from 1.")
            .WithQuery<int>("pageSize", $"Rows per page (at most {maxSize}, {defaultSize ?? maxSize} if not given).");

    /// <summary>Declares a body read as a stream rather than bound from JSON.</summary>
    public static RouteHandlerBuilder WithRawBody(this RouteHandlerBuilder builder, string description, params string[] contentTypes) =>
        builder.WithMetadata(new RawRequestBody(contentTypes, description));
}
