using System.Text;
using FleetPool.Core.Fleet;
using SkiaSharp;

namespace FleetPool.Core.Tests;

/// <summary>A phone photo's re-encoding: turned upright by its EXIF orientation, then stored without any metadata.</summary>
public sealed class DamagePhotoTests
{
    // A 40×20 JPEG, left half red and right half blue, as a phone held sideways stores it.
    private static byte[] SidewaysPhoto(int width = 40, int height = 20)
    {
        using var bitmap = new SKBitmap(width, height);
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(SKColors.Blue);
            canvas.DrawRect(0, 0, width / 2f, height, new SKPaint { Color = SKColors.Red });
        }
        using var image = SKImage.FromBitmap(bitmap);
        return image.Encode(SKEncodedImageFormat.Jpeg, 95).ToArray();
    }

    // An EXIF block (APP1) with orientation 6 ("turn a quarter clockwise") and a GPS latitude, inserted after the JPEG's SOI.
    private static byte[] WithExif(byte[] jpeg, ushort orientation)
    {
        var tiff = new List<byte>();
        void U16(int v) => tiff.AddRange(BitConverter.GetBytes((ushort)v));
        void U32(int v) => tiff.AddRange(BitConverter.GetBytes(v));
        tiff.AddRange("II*\0"u8.ToArray());
        U32(8);                                      // IFD0 at 8
        U16(2);                                      // two entries
        U16(0x0112); U16(3); U32(1); U16(orientation); U16(0);
        U16(0x8825); U16(4); U32(1); U32(8 + 2 + 24 + 4); // the GPS IFD follows IFD0
        U32(0);
        U16(1);                                      // GPS IFD: one entry
        U16(0x0002); U16(5); U32(3); U32(8 + 2 + 24 + 4 + 2 + 12 + 4); // GPSLatitude: three rationals, after the IFD
        U32(0);
        foreach (var part in new[] { 59, 14, 3 }) { U32(part); U32(1); }
        var payload = "Exif\0\0"u8.ToArray().Concat(tiff).ToArray();
        var app1 = new byte[] { 0xFF, 0xE1, (byte)((payload.Length + 2) >> 8), (byte)((payload.Length + 2) & 0xFF) }.Concat(payload);
        return jpeg.Take(2).Concat(app1).Concat(jpeg.Skip(2)).ToArray();
    }

    [Fact]
    public void Reencode_SidewaysPhotoWithGps_TurnedUprightAndNoMetadataLeft()
    {
        var original = WithExif(SidewaysPhoto(), orientation: 6);
        using (var codec = SKCodec.Create(SKData.CreateCopy(original)))
        {
            Assert.Equal(SKEncodedOrigin.RightTop, codec.EncodedOrigin); // the test photo really carries its orientation
        }

        var (jpeg, width, height) = DamagePhotos.Reencode(original)!.Value;

        Assert.Equal((20, 40), (width, height));
        using var upright = SKBitmap.Decode(jpeg);
        Assert.True(upright.GetPixel(10, 5).Red > 200 && upright.GetPixel(10, 5).Blue < 80, "the stored left edge is now the top");
        Assert.True(upright.GetPixel(10, 35).Blue > 200 && upright.GetPixel(10, 35).Red < 80);
        Assert.DoesNotContain("Exif", Encoding.Latin1.GetString(jpeg), StringComparison.Ordinal);
        Assert.False(jpeg.Zip(jpeg.Skip(1)).Any(p => p is (0xFF, 0xE1)), "no APP1 (EXIF/XMP) segment");
    }

    [Fact]
    public void Reencode_LargePhotoOrNoImage_ScaledToTheLongestSideOrRefused()
    {
        var (_, width, height) = DamagePhotos.Reencode(SidewaysPhoto(4000, 3000))!.Value;

        Assert.Equal((DamagePhotos.MaxSide, 1200), (width, height));
        Assert.Null(DamagePhotos.Reencode("%PDF-1.7 not a photo"u8.ToArray()));
    }
}
