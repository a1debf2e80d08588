using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace MetricSets.SampleHost.Data;

/// <summary>Lets <c>dotnet ef migrations add</c> build the model without starting the app (or a database).</summary>
internal sealed class DesignTimeContextFactory : IDesignTimeDbContextFactory<SampleDbContext>
{
    public SampleDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<SampleDbContext>();
        SampleDbContext.Configure(options, "Host=localhost;Database=metricsets_design_time");
        return new SampleDbContext(options.Options);
    }
}
