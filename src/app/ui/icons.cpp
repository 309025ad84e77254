#include "app/ui/icons.h"

#include <algorithm>
#include <cmath>
#include <initializer_list>

namespace cdscb::app::ui {
namespace {

ImVec2 at(ImVec2 c, float s, float x, float y) { return ImVec2(c.x + x * s, c.y + y * s); }

}  // namespace

void draw_icon(ImDrawList* d, Icon icon, ImVec2 c, float size, ImU32 col) {
  const float s = size / 2;  // unit: half the icon size; coordinates below are in [-1, 1]
  const float w = std::max(1.5f, size * 0.07f);
  switch (icon) {
    case Icon::kNews:  // a folded newspaper with lines of text
      d->AddRect(at(c, s, -0.8f, -0.7f), at(c, s, 0.8f, 0.7f), col, 2, 0, w);
      d->AddRectFilled(at(c, s, -0.55f, -0.45f), at(c, s, -0.05f, 0.05f), col, 1);
      for (float y : {-0.4f, -0.15f}) d->AddLine(at(c, s, 0.1f, y), at(c, s, 0.55f, y), col, w);
      for (float y : {0.2f, 0.45f}) d->AddLine(at(c, s, -0.55f, y), at(c, s, 0.55f, y), col, w);
      break;
    case Icon::kGovernment:  // a building with columns under a roof
      d->AddTriangleFilled(at(c, s, -0.85f, -0.35f), at(c, s, 0.0f, -0.85f),
                           at(c, s, 0.85f, -0.35f), col);
      for (float x : {-0.55f, -0.18f, 0.18f, 0.55f})
        d->AddLine(at(c, s, x, -0.2f), at(c, s, x, 0.5f), col, w * 1.4f);
      d->AddRectFilled(at(c, s, -0.85f, 0.6f), at(c, s, 0.85f, 0.8f), col);
      break;
    case Icon::kFeedback:  // a speech bubble with an exclamation mark
      d->AddRect(at(c, s, -0.8f, -0.75f), at(c, s, 0.8f, 0.45f), col, s * 0.25f, 0, w);
      d->AddTriangleFilled(at(c, s, -0.4f, 0.4f), at(c, s, -0.1f, 0.4f), at(c, s, -0.45f, 0.85f),
                           col);
      d->AddLine(at(c, s, 0, -0.5f), at(c, s, 0, 0.0f), col, w * 1.3f);
      d->AddCircleFilled(at(c, s, 0, 0.2f), w * 0.8f, col);
      break;
    case Icon::kServices:  // a document with a check mark
      d->AddRect(at(c, s, -0.6f, -0.85f), at(c, s, 0.6f, 0.85f), col, 2, 0, w);
      d->AddLine(at(c, s, -0.35f, -0.45f), at(c, s, 0.35f, -0.45f), col, w);
      d->AddLine(at(c, s, -0.35f, -0.15f), at(c, s, 0.35f, -0.15f), col, w);
      d->AddLine(at(c, s, -0.3f, 0.35f), at(c, s, -0.08f, 0.58f), col, w * 1.3f);
      d->AddLine(at(c, s, -0.08f, 0.58f), at(c, s, 0.38f, 0.12f), col, w * 1.3f);
      break;
    case Icon::kPayments:  // a bank card
      d->AddRect(at(c, s, -0.85f, -0.55f), at(c, s, 0.85f, 0.55f), col, 3, 0, w);
      d->AddRectFilled(at(c, s, -0.85f, -0.3f), at(c, s, 0.85f, -0.1f), col);
      d->AddLine(at(c, s, -0.6f, 0.3f), at(c, s, -0.1f, 0.3f), col, w);
      break;
    case Icon::kCamera:  // a surveillance camera body and lens
      d->AddRect(at(c, s, -0.85f, -0.5f), at(c, s, 0.45f, 0.5f), col, 3, 0, w);
      d->AddTriangleFilled(at(c, s, 0.5f, 0.0f), at(c, s, 0.9f, -0.4f), at(c, s, 0.9f, 0.4f), col);
      d->AddCircle(at(c, s, -0.2f, 0.0f), s * 0.25f, col, 16, w);
      break;
    case Icon::kSettings:  // a gear
      d->AddCircle(c, s * 0.55f, col, 20, w * 1.4f);
      for (int i = 0; i < 8; ++i) {
        float a = i * 3.14159265f / 4;
        d->AddLine(at(c, s, std::cos(a) * 0.6f, std::sin(a) * 0.6f),
                   at(c, s, std::cos(a) * 0.9f, std::sin(a) * 0.9f), col, w * 1.6f);
      }
      d->AddCircle(c, s * 0.2f, col, 12, w);
      break;
  }
}

void draw_back_chevron(ImDrawList* d, ImVec2 c, float size, ImU32 col) {
  const float s = size / 2, w = std::max(2.0f, size * 0.1f);
  d->AddLine(at(c, s, 0.3f, -0.6f), at(c, s, -0.3f, 0.0f), col, w);
  d->AddLine(at(c, s, -0.3f, 0.0f), at(c, s, 0.3f, 0.6f), col, w);
}

}  // namespace cdscb::app::ui
