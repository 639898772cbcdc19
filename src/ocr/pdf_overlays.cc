#include "src/ocr/pdf_overlays.h"

#include <qpdf/Buffer.hh>
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFObjectHandle.hh>
#include <qpdf/QPDFPageDocumentHelper.hh>
#include <qpdf/QPDFWriter.hh>

#include <exception>
#include <memory>

namespace vnplan::ocr {
namespace {

// How deep appearance forms are followed into forms they draw: e-office
// appearances nest two levels (the widget's form, then its layers n0, n2);
// the bound stops a form that draws itself.
constexpr int kDeepestForm = 6;

// Whether the form XObject `form` draws an image, itself or through the
// forms it draws.
bool DrawsImage(QPDFObjectHandle form, int depth) {
  if (!form.isStream() || depth > kDeepestForm) return false;
  QPDFObjectHandle xobjects = form.getDict().getKey("/Resources").getKey("/XObject");
  if (!xobjects.isDictionary()) return false;
  for (auto& [name, xobject] : xobjects.getDictAsMap()) {
    if (!xobject.isStream()) continue;
    QPDFObjectHandle subtype = xobject.getDict().getKey("/Subtype");
    if (subtype.isNameAndEquals("/Image")) return true;
    if (subtype.isNameAndEquals("/Form") && DrawsImage(xobject, depth + 1)) return true;
  }
  return false;
}

// Whether the annotation's normal appearance (one form, or one per state)
// draws an image.
bool IsImageOverlay(QPDFObjectHandle annot) {
  if (!annot.isDictionary()) return false;
  QPDFObjectHandle normal = annot.getKey("/AP").getKey("/N");
  if (normal.isStream()) return DrawsImage(normal, 0);
  if (!normal.isDictionary()) return false;
  for (auto& [state, form] : normal.getDictAsMap())
    if (DrawsImage(form, 0)) return true;
  return false;
}

// Removes the image overlays from the page's annotations; whether any was.
bool DropImageOverlays(QPDFObjectHandle page) {
  QPDFObjectHandle annots = page.getKey("/Annots");
  if (!annots.isArray()) return false;
  QPDFObjectHandle kept = QPDFObjectHandle::newArray();
  bool dropped = false;
  for (int i = 0; i < annots.getArrayNItems(); ++i) {
    QPDFObjectHandle annot = annots.getArrayItem(i);
    if (IsImageOverlay(annot))
      dropped = true;
    else
      kept.appendItem(annot);
  }
  if (dropped) page.replaceKey("/Annots", kept);
  return dropped;
}

}  // namespace

std::string WithoutImageOverlays(std::string_view bytes) {
  try {
    QPDF pdf;
    pdf.setSuppressWarnings(true);
    pdf.processMemoryFile("input.pdf", bytes.data(), bytes.size());
    bool dropped = false;
    for (QPDFPageObjectHelper& page : QPDFPageDocumentHelper(pdf).getAllPages())
      dropped |= DropImageOverlays(page.getObjectHandle());
    if (!dropped) return {};
    QPDFWriter writer(pdf);
    writer.setOutputMemory();
    writer.write();
    std::shared_ptr<Buffer> out = writer.getBufferSharedPointer();
    return std::string(reinterpret_cast<const char*>(out->getBuffer()), out->getSize());
  } catch (const std::exception&) {  // qpdf refuses the file: render it as it is
    return {};
  }
}

}  // namespace vnplan::ocr
