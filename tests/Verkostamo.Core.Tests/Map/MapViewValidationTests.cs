using Verkostamo.Core.Common;
using Verkostamo.Core.Map;

namespace Verkostamo.Core.Tests.Map;

/// <summary>A saved view's settings: metric sizing and community colours are accepted; nonsense is refused.</summary>
public sealed class MapViewValidationTests
{
    private static ServiceResult<MapViewInput> Check(MapViewSettings settings) =>
        MapViewService.Validate(new MapViewInput("Näkymä", settings, null));

    [Theory]
    [InlineData(MapSizeBy.None)]
    [InlineData(MapSizeBy.Degree)]
    [InlineData(MapSizeBy.Betweenness)]
    [InlineData(MapSizeBy.Closeness)]
    [InlineData(MapSizeBy.Eigenvector)]
    public void Every_metric_can_size_the_actors(MapSizeBy size)
    {
        var result = Check(new MapViewSettings { SizeBy = size, ColourBy = MapStyleBy.Community });
        Assert.True(result.Succeeded, result.ErrorCode);
        Assert.Equal(size, result.Value!.Settings.SizeBy);
    }

    [Fact]
    public void Communities_colour_but_do_not_shape()
    {
        Assert.Equal(ErrorCodes.ValueInvalid, Check(new MapViewSettings { ShapeBy = MapStyleBy.Community }).ErrorCode);
    }

    [Fact]
    public void An_unknown_metric_is_refused()
    {
        Assert.Equal(ErrorCodes.ValueInvalid, Check(new MapViewSettings { SizeBy = (MapSizeBy)42 }).ErrorCode);
    }
}
