using TicketGrains.Api.Workbench;
using Xunit;

namespace TicketGrains.Tests.Workbench;

public sealed class WorkbenchFilesTests
{
    private const string Folder = "/srv/workbench";

    [Theory]
    [InlineData(null, "/srv/workbench/index.html", "text/html; charset=utf-8", true)]
    [InlineData("", "/srv/workbench/index.html", "text/html; charset=utf-8", true)]
    [InlineData("index.html", "/srv/workbench/index.html", "text/html; charset=utf-8", true)]
    [InlineData("app.js", "/srv/workbench/app.js", "text/javascript; charset=utf-8", false)]
    [InlineData("app-style.css", "/srv/workbench/app-style.css", "text/css; charset=utf-8", false)]
    [InlineData("app.js.map", "/srv/workbench/app.js.map", "application/json; charset=utf-8", false)]
    public void A_file_of_the_build_is_served_with_its_type(string? path, string fullPath, string contentType, bool isPage)
    {
        Assert.Equal(new WorkbenchFile(fullPath, contentType, isPage), WorkbenchFiles.Resolve(Folder, path));
    }

    [Theory]
    [InlineData("../appsettings.json")]
    [InlineData("..%2Fappsettings.json")]
    [InlineData("sub/app.js")]
    [InlineData("..\\app.js")]
    [InlineData(".built")]
    [InlineData("..")]
    [InlineData("TicketGrains.Api.dll")]
    [InlineData("notes.txt")]
    public void Nothing_else_is_served(string path)
    {
        Assert.Null(WorkbenchFiles.Resolve(Folder, path));
    }
}
