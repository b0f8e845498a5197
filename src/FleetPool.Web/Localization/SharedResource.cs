namespace FleetPool.Web.Localization;

/// <summary>Marker type for the UI's strings: SharedResource.resx (Swedish, the default) and SharedResource.en.resx.</summary>
public sealed class SharedResource;
