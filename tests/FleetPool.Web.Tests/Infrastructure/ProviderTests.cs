namespace FleetPool.Web.Tests.Infrastructure;

/// <summary>
/// Base of every test class that runs on both databases: the tests are written once against <typeparamref name="TApp"/>
/// and a one-line subclass per provider runs them. A missing provider skips locally and fails under CI.
/// </summary>
public abstract class ProviderTests<TApp> : IClassFixture<TApp> where TApp : FleetPoolFactory
{
    protected ProviderTests(TApp app)
    {
        App = app;
        app.SkipIfUnavailable();
    }

    protected TApp App { get; }
}
