// Draws the statistics page's charts from the JSON each chart element carries in data-chart: the
// same figures as the tables beside them, so the page has no second source of numbers.
(function () {
  "use strict";
  var font = "Noto Sans CJK SC, sans-serif";
  // Tooltips are drawn on the canvas: ECharts' HTML tooltip writes style attributes, which the
  // page's Content-Security-Policy (style-src 'self') refuses, and it puts item names into HTML.

  function trend(data) {
    return {
      animation: false,
      textStyle: { fontFamily: font },
      tooltip: { trigger: "axis", renderMode: "richText", valueFormatter: function (v) { return v === null || v === undefined ? "—" : v + "%"; } },
      legend: { top: 0, data: [data.onTimeLabel, data.satisfactionLabel] },
      grid: { left: 50, right: 20, top: 40, bottom: 30 },
      xAxis: { type: "category", data: data.months },
      yAxis: { type: "value", min: 0, max: 100, axisLabel: { formatter: "{value}%" } },
      series: [
        { name: data.onTimeLabel, type: "line", data: data.onTime, connectNulls: false, itemStyle: { color: "#1a4b8c" } },
        { name: data.satisfactionLabel, type: "line", data: data.satisfaction, connectNulls: false, itemStyle: { color: "#2e7d32" } }
      ]
    };
  }

  function volume(data) {
    return {
      animation: false,
      textStyle: { fontFamily: font },
      tooltip: { trigger: "axis", renderMode: "richText" },
      legend: { top: 0, data: [data.acceptedLabel, data.completedLabel] },
      grid: { left: 160, right: 30, top: 40, bottom: 30 },
      xAxis: { type: "value", minInterval: 1 },
      yAxis: { type: "category", data: data.names, inverse: true },
      series: [
        { name: data.acceptedLabel, type: "bar", data: data.accepted, itemStyle: { color: "#1a4b8c" }, label: { show: true, position: "right" } },
        { name: data.completedLabel, type: "bar", data: data.completed, itemStyle: { color: "#8a5a00" }, label: { show: true, position: "right" } }
      ]
    };
  }

  function draw() {
    if (typeof echarts === "undefined") {
      return;
    }
    var elements = document.querySelectorAll(".chart[data-chart]");
    for (var i = 0; i < elements.length; i++) {
      var element = elements[i];
      var data = JSON.parse(element.getAttribute("data-chart") || "{}");
      var existing = echarts.getInstanceByDom(element);
      if (existing) {
        existing.dispose();
      }
      var chart = echarts.init(element, null, { renderer: "canvas" });
      chart.setOption(data.kind === "trend" ? trend(data) : volume(data));
    }
  }

  document.addEventListener("DOMContentLoaded", draw);
})();
