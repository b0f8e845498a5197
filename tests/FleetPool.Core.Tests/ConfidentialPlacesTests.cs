using FleetPool.Core.Common;
using FleetPool.Core.Steering;

namespace FleetPool.Core.Tests;

public class ConfidentialPlacesTests
{
    private static Place Secret(int? owner) => new() { Name = "Brukare", Latitude = 59.23, Longitude = 17.94, Confidential = true, OwnerUnitId = owner };

    [Fact]
    public void CellCentre_TwoPointsOfOneCell_SameCentreWithinTheCell()
    {
        var a = ConfidentialPlaces.CellCentre(new GeoPoint(59.2300, 17.9360));
        var b = ConfidentialPlaces.CellCentre(new GeoPoint(59.2465, 17.9690));
        Assert.Equal(a, b);
        Assert.InRange(HaversineDistance.StraightKm(a, new GeoPoint(59.2300, 17.9360)), 1.0, ConfidentialPlaces.CellKm / Math.Sqrt(2));
    }

    [Fact]
    public void CellCentre_AcrossTheBorder_DifferentCentres() =>
        Assert.NotEqual(ConfidentialPlaces.CellCentre(new GeoPoint(59.2290, 17.9400)), ConfidentialPlaces.CellCentre(new GeoPoint(59.2295, 17.9400)));

    [Fact]
    public void MayLocate_OwnerOrUnitBelowOrFleetManager_TrueOthersFalse()
    {
        var staff = Actor.Of(1, Roles.Staff);
        Assert.True(ConfidentialPlaces.MayLocate(staff, Secret(20), [20, 2]));
        Assert.True(ConfidentialPlaces.MayLocate(staff, Secret(2), [21, 2])); // the board owns it: every department under it
        Assert.False(ConfidentialPlaces.MayLocate(staff, Secret(20), [21, 2]));
        Assert.False(ConfidentialPlaces.MayLocate(staff, Secret(null), [21, 2]));
        Assert.True(ConfidentialPlaces.MayLocate(Actor.Of(1, Roles.FleetManager), Secret(null), []));
        Assert.True(ConfidentialPlaces.MayLocate(staff, new Place { Name = "Rådhuset" }, []));
    }
}
