using FleetPool.Core.Common;
using FleetPool.Core.Data;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using SkiaSharp;

namespace FleetPool.Core.Fleet;

/// <summary>
/// A photo on a damage or incident report, stored in the database (so every instance serves it) as a JPEG the server
/// re-encoded: no metadata of the original (location, camera, time) survives. Not in the audit trail (its bytes would be);
/// deleted with its report.
/// </summary>
public sealed class DamagePhoto
{
    /// <summary>Database id.</summary>
    public int Id { get; set; }
    /// <summary>The report it belongs to.</summary>
    public int DamageReportId { get; set; }
    /// <summary>The re-encoded JPEG.</summary>
    public required byte[] Jpeg { get; set; }
    /// <summary>Width in pixels, as stored.</summary>
    public int Width { get; set; }
    /// <summary>Height in pixels, as stored.</summary>
    public int Height { get; set; }
    /// <summary>Who added it.</summary>
    public int AddedById { get; set; }
    /// <summary>When.</summary>
    public Instant AddedAt { get; set; }
}

/// <summary>An upload read and re-encoded, ready to add to a report.</summary>
public sealed record PreparedPhoto(byte[] Jpeg, int Width, int Height);

/// <summary>
/// Adds and serves damage photos. Invariants: only the reporter and fleet managers add or see them (as the report's text,
/// <see cref="DamageReports.MayReadDetails"/>), and the report is looked up and the actor authorised before an upload is
/// read or decoded; an upload is at most <see cref="MaxUploadBytes"/> and a decodable image of at most
/// <see cref="MaxPixels"/> (<see cref="MaxUnscaledPixels"/> for a format the decoder cannot scale while decoding, such as
/// PNG), its size read from the header first; at most <see cref="MaxConcurrentDecodes"/> are decoded at once; it is turned
/// upright, scaled to at most <see cref="MaxSide"/> px and re-encoded as JPEG, which drops every piece of metadata (EXIF GPS
/// included); at most <see cref="MaxPerReport"/> per report.
/// </summary>
public sealed class DamagePhotos(IDbContextFactory<FleetPoolDb> dbs, IClock clock)
{
    /// <summary>Largest upload accepted (a phone's photo is 2–6 MB).</summary>
    public const long MaxUploadBytes = 12 * 1024 * 1024;
    /// <summary>Largest image accepted, in pixels (a decompression bomb is refused before it is decoded): a 50 MP phone photo.</summary>
    public const long MaxPixels = 50_000_000;
    /// <summary>
    /// Largest image accepted that the decoder cannot scale down while decoding (PNG, WebP), in pixels: it lands in memory whole
    /// (4 bytes a pixel), so a 207 KB PNG of 7,070 × 7,070 would take 200 MB. A 4K screenshot is 8.3 MP.
    /// </summary>
    public const long MaxUnscaledPixels = 16_000_000;
    /// <summary>Images decoded at once; more wait their turn, so a burst of uploads cannot take the server's memory.</summary>
    public const int MaxConcurrentDecodes = 2;

    private static readonly SemaphoreSlim Decoding = new(MaxConcurrentDecodes, MaxConcurrentDecodes);
    /// <summary>Longest side stored, px.</summary>
    public const int MaxSide = 1600;
    /// <summary>Photos per report.</summary>
    public const int MaxPerReport = 5;

    /// <summary>The upload types accepted (what phones' browsers send).</summary>
    public static readonly IReadOnlyList<string> ContentTypes = ["image/jpeg", "image/png", "image/webp"];

    /// <summary>
    /// Reads and re-encodes an upload, before anything is saved (so a report is never filed with a photo that then fails):
    /// a field error for a wrong type, a too-large upload or something that is no image.
    /// </summary>
    public static async Task<Outcome<PreparedPhoto>> PrepareAsync(string? contentType, Stream upload, CancellationToken ct = default)
    {
        if (!ContentTypes.Contains(contentType?.Split(';')[0].Trim().ToLowerInvariant()))
        {
            return Problem.Invalid(new FieldErrors().Add("photo", Unreadable()));
        }
        if (await ReadLimitedAsync(upload, ct) is not { } bytes)
        {
            return Problem.Invalid(new FieldErrors().Add("photo", Text.Get("PhotoTooLarge", MaxUploadBytes / 1024 / 1024)));
        }
        await Decoding.WaitAsync(ct);
        try
        {
            return Reencode(bytes) is { } photo ? new PreparedPhoto(photo.Jpeg, photo.Width, photo.Height)
                : Problem.Invalid(new FieldErrors().Add("photo", Unreadable()));
        }
        finally
        {
            Decoding.Release();
        }
    }

    /// <summary>
    /// Adds an upload to a report; returns its id. The report is found and the actor authorised, and the report's room checked,
    /// before a byte of the upload is read or decoded.
    /// </summary>
    public async Task<Outcome<int>> AddAsync(Actor actor, int reportId, string? contentType, Stream upload, CancellationToken ct = default)
    {
        await using (var look = await dbs.CreateDbContextAsync(ct))
        {
            if (await look.DamageReports.AsNoTracking().SingleOrDefaultAsync(d => d.Id == reportId, ct) is not { } report
                || !DamageReports.MayReadDetails(actor, report.ReportedById))
            {
                return Problem.NotFound("DamageReport");
            }
            if (await look.DamagePhotos.CountAsync(p => p.DamageReportId == reportId, ct) >= MaxPerReport)
            {
                return Problem.Refused("photo", Text.Get("PhotoTooMany", MaxPerReport));
            }
        }
        var prepared = await PrepareAsync(contentType, upload, ct);
        return prepared.Value is { } photo ? await AddAsync(actor, reportId, photo, ct) : prepared.Problem!;
    }

    /// <summary>Adds a prepared photo to a report; returns its id.</summary>
    public async Task<Outcome<int>> AddAsync(Actor actor, int reportId, PreparedPhoto photo, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        if (await db.DamageReports.AsNoTracking().SingleOrDefaultAsync(d => d.Id == reportId, ct) is not { } report
            || !DamageReports.MayReadDetails(actor, report.ReportedById))
        {
            return Problem.NotFound("DamageReport");
        }
        db.ActorId = actor.UserId;
        await using var tx = await WriteTransaction.BeginAsync(db, ct);
        if (await db.DamagePhotos.CountAsync(p => p.DamageReportId == reportId, ct) >= MaxPerReport)
        {
            return Problem.Refused("photo", Text.Get("PhotoTooMany", MaxPerReport));
        }
        var row = new DamagePhoto { DamageReportId = reportId, Jpeg = photo.Jpeg, Width = photo.Width, Height = photo.Height, AddedById = actor.UserId, AddedAt = clock.GetCurrentInstant() };
        db.DamagePhotos.Add(row);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return row.Id;
    }

    /// <summary>A photo's JPEG, or not found (also for a reader who may not see the report's details).</summary>
    public async Task<Outcome<byte[]>> GetAsync(Actor actor, int reportId, int photoId, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var found = await (from p in db.DamagePhotos
                           join d in db.DamageReports on p.DamageReportId equals d.Id
                           where p.Id == photoId && d.Id == reportId
                           select new { p.Jpeg, d.ReportedById }).AsNoTracking().SingleOrDefaultAsync(ct);
        return found is not null && DamageReports.MayReadDetails(actor, found.ReportedById) ? found.Jpeg : Problem.NotFound("DamagePhoto");
    }

    private static string Unreadable() => Text.Get("PhotoUnreadable", MaxPixels / 1_000_000, MaxUnscaledPixels / 1_000_000);

    private static async Task<byte[]?> ReadLimitedAsync(Stream upload, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await upload.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > MaxUploadBytes)
            {
                return null;
            }
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }

    /// <summary>
    /// Reads the size from the header, decodes at the smallest size the codec offers that still covers <see cref="MaxSide"/>
    /// (JPEG: 1/2, 1/4 or 1/8 while decoding), turns it upright (the EXIF orientation, before it is dropped), scales down and
    /// re-encodes; null when it is no image or too many pixels to decode.
    /// </summary>
    internal static (byte[] Jpeg, int Width, int Height)? Reencode(byte[] bytes)
    {
        using var data = SKData.CreateCopy(bytes);
        using var codec = SKCodec.Create(data);
        var pixels = codec is null ? 0 : (long)codec.Info.Width * codec.Info.Height;
        if (codec is null || pixels is 0 or > MaxPixels)
        {
            return null;
        }
        var size = DecodeSize(codec);
        if ((long)size.Width * size.Height > MaxUnscaledPixels)
        {
            return null;
        }
        using var decoded = SKBitmap.Decode(codec, codec.Info.WithSize(size.Width, size.Height).WithColorType(SKImageInfo.PlatformColorType).WithAlphaType(SKAlphaType.Premul));
        if (decoded is null)
        {
            return null;
        }
        using var upright = Upright(decoded, codec.EncodedOrigin);
        var scale = Math.Min(1.0, (double)MaxSide / Math.Max(upright.Width, upright.Height));
        var (w, h) = (Math.Max(1, (int)Math.Round(upright.Width * scale)), Math.Max(1, (int)Math.Round(upright.Height * scale)));
        using var resized = scale < 1 ? upright.Resize(new SKImageInfo(w, h), new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.Linear)) : upright.Copy();
        using var image = SKImage.FromBitmap(resized);
        using var jpeg = image.Encode(SKEncodedImageFormat.Jpeg, 82);
        return (jpeg.ToArray(), resized.Width, resized.Height);
    }

    // The smallest size the codec decodes to directly (JPEG: n/8) whose longest side still reaches MaxSide; else the full size.
    private static SKSizeI DecodeSize(SKCodec codec)
    {
        var longest = Math.Max(codec.Info.Width, codec.Info.Height);
        for (var scale = (float)MaxSide / longest; scale < 1f; scale += 0.125f)
        {
            var size = codec.GetScaledDimensions(scale);
            if (Math.Max(size.Width, size.Height) >= MaxSide)
            {
                return size;
            }
        }
        return codec.Info.Size;
    }

    private static SKBitmap Upright(SKBitmap source, SKEncodedOrigin origin)
    {
        if (origin is SKEncodedOrigin.TopLeft or SKEncodedOrigin.Default)
        {
            return source.Copy();
        }
        var swap = origin is SKEncodedOrigin.LeftTop or SKEncodedOrigin.RightTop or SKEncodedOrigin.RightBottom or SKEncodedOrigin.LeftBottom;
        var result = new SKBitmap(swap ? source.Height : source.Width, swap ? source.Width : source.Height);
        using var canvas = new SKCanvas(result);
        var (w, h) = (result.Width, result.Height);
        // Where a stored pixel (x, y) goes in the upright image (EXIF orientations 2–8; w, h the upright size).
        canvas.SetMatrix(origin switch
        {
            SKEncodedOrigin.TopRight => Map(-1, 0, w, 0, 1, 0),     // (w - x, y)
            SKEncodedOrigin.BottomRight => Map(-1, 0, w, 0, -1, h), // (w - x, h - y)
            SKEncodedOrigin.BottomLeft => Map(1, 0, 0, 0, -1, h),   // (x, h - y)
            SKEncodedOrigin.LeftTop => Map(0, 1, 0, 1, 0, 0),       // (y, x)
            SKEncodedOrigin.RightTop => Map(0, -1, w, 1, 0, 0),     // (w - y, x): turned a quarter clockwise
            SKEncodedOrigin.RightBottom => Map(0, -1, w, -1, 0, h), // (w - y, h - x)
            SKEncodedOrigin.LeftBottom => Map(0, 1, 0, -1, 0, h),   // (y, h - x): a quarter counter-clockwise
            _ => SKMatrix.Identity,
        });
        canvas.DrawBitmap(source, 0, 0);
        return result;
    }

    private static SKMatrix Map(float xx, float xy, float tx, float yx, float yy, float ty) => new(xx, xy, tx, yx, yy, ty, 0, 0, 1);
}
