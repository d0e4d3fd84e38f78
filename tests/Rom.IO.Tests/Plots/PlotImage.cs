using SkiaSharp;

namespace Rom.IO.Tests.Plots;

/// <summary>Reads back a written PNG for pixel checks.</summary>
internal static class PlotImage
{
    public static SKBitmap Decode(string path) =>
        SKBitmap.Decode(path) ?? throw new AssertionException($"{path} does not decode as an image.");

    public static int DistinctColours(SKBitmap bitmap) => Pixels(bitmap).Select(p => bitmap.GetPixel(p.X, p.Y)).Distinct().Count();

    /// <summary>How many pixels in rows [top, bottom) are dark enough to be text.</summary>
    public static int DarkPixels(SKBitmap bitmap, int top, int bottom) =>
        Pixels(bitmap).Count(p => p.Y >= top && p.Y < bottom && IsDark(bitmap.GetPixel(p.X, p.Y)));

    public static IEnumerable<SKPointI> Pixels(SKBitmap bitmap) =>
        from y in Enumerable.Range(0, bitmap.Height)
        from x in Enumerable.Range(0, bitmap.Width)
        select new SKPointI(x, y);

    private static bool IsDark(SKColor c) => c.Red < 128 && c.Green < 128 && c.Blue < 128;
}
