package dev.assay.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ForestPlotTest {

  @Test
  void ratiosAreDrawnOnAnAxisFromZeroToOneWithTheFourFifthsLine() {
    ForestPlot plot =
        ForestPlot.of(
            "f",
            "race",
            List.of(
                new BarChart.Point("White", 1.0, 0.98, 1.0),
                new BarChart.Point("Black", 0.6, 0.5, 0.7)));
    // label column: "White" is 5 * 0.62 * 12 + 16 = 53.2 px, under the 60 px minimum
    assertEquals("60.0", plot.frame().plotLeft());
    assertEquals("400.0", plot.oneX(), "1 at the right end of the 340 px plot");
    assertEquals("332.0", plot.fourFifthsX(), "60 + 0.8 * 340");
    ForestPlot.Row black = plot.rows().get(1);
    assertEquals("264.0", black.x(), "60 + 0.6 * 340");
    assertEquals("230.0", black.lowX());
    assertEquals("298.0", black.highX());
    assertEquals("0.6000 (below 0.8)", black.value());
    assertTrue(black.below());
    assertEquals(
        "Impact ratio by race (each group's favourable rate ÷ the highest group's, with its"
            + " confidence interval): lowest Black (0.6000); 1 group below the four-fifths line"
            + " (0.8): Black.",
        plot.frame().description());
  }

  @Test
  void anIntervalAboveOneWidensTheAxisAndALongLabelIsWhole() {
    String name = "A group with a rather long name of forty";
    ForestPlot plot = ForestPlot.of("f", "x", List.of(new BarChart.Point(name, 1.0, 0.9, 2.0)));
    assertEquals("2", plot.axisMax());
    assertEquals(name, plot.rows().get(0).label());
    double left = Double.parseDouble(plot.frame().plotLeft());
    assertTrue(left >= ChartText.width(name), "the label column fits the whole label");
    assertEquals(String.format(java.util.Locale.ROOT, "%.1f", left + 170), plot.oneX());
  }

  @Test
  void noPointsNoPlot() {
    assertNull(ForestPlot.of("f", "x", List.of()));
  }
}
