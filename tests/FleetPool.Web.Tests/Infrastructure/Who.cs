namespace FleetPool.Web.Tests.Infrastructure;

/// <summary>The callers of the authorization matrices, least privileged first.</summary>
public enum Who { Anonymous, Staff, Lead, Fleet, Admin }

public static class WhoRules
{
    /// <summary>True when a route whose least admitted caller is <paramref name="least"/> admits <paramref name="who"/>.</summary>
    public static bool Admits(this Who least, Who who) => least switch
    {
        Who.Anonymous => true,
        Who.Staff => who != Who.Anonymous,
        Who.Lead => who is Who.Lead or Who.Fleet or Who.Admin,
        Who.Fleet => who is Who.Fleet or Who.Admin,
        _ => who == Who.Admin,
    };
}
