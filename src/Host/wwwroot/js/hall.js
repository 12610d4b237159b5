// Draws each window's queue as bars beside the table; redrawn whenever htmx swaps in new figures.
(function () {
  "use strict";
  var chart = null;

  function draw() {
    var element = document.getElementById("queue-chart");
    if (!element || typeof echarts === "undefined") {
      return;
    }
    var data = JSON.parse(element.getAttribute("data-chart") || "{}");
    if (chart) {
      chart.dispose();
    }
    chart = echarts.init(element, null, { renderer: "canvas" });
    chart.setOption({
      animation: false,
      textStyle: { fontFamily: "Noto Sans CJK SC, sans-serif", fontSize: 18 },
      legend: { data: [data.openLabel, data.overdueLabel], textStyle: { fontSize: 18 } },
      grid: { left: 220, right: 40, top: 50, bottom: 30 },
      xAxis: { type: "value", minInterval: 1, axisLabel: { fontSize: 16 } },
      yAxis: { type: "category", data: data.names, inverse: true, axisLabel: { fontSize: 18 } },
      series: [
        { name: data.openLabel, type: "bar", data: data.open, itemStyle: { color: "#1f5fa8" }, label: { show: true, position: "right", fontSize: 18 } },
        { name: data.overdueLabel, type: "bar", data: data.overdue, itemStyle: { color: "#b42318" }, label: { show: true, position: "right", fontSize: 18 } }
      ]
    });
  }

  document.addEventListener("DOMContentLoaded", draw);
  document.addEventListener("htmx:afterSwap", draw);
})();
