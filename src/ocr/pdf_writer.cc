#include "src/ocr/pdf_writer.h"

#include <cmath>
#include <cstdio>

namespace vnplan::ocr {

int PdfWriter::Reserve() {
  objects_.emplace_back();
  return static_cast<int>(objects_.size());
}

void PdfWriter::Set(int id, std::string body) { objects_[id - 1] = std::move(body); }

void PdfWriter::SetStream(int id, std::string_view dict, std::string_view data) {
  std::string body = "<< " + std::string(dict) + " /Length " + std::to_string(data.size()) +
                     " >>\nstream\n";
  body.append(data);
  body += "\nendstream";
  Set(id, std::move(body));
}

int PdfWriter::Add(std::string body) {
  const int id = Reserve();
  Set(id, std::move(body));
  return id;
}

int PdfWriter::AddStream(std::string_view dict, std::string_view data) {
  const int id = Reserve();
  SetStream(id, dict, data);
  return id;
}

std::string PdfWriter::Finish(int root, std::string_view id) const {
  // The binary comment line tells transfer tools the file is not text.
  std::string out = "%PDF-1.7\n%\xE2\xE3\xCF\xD3\n";
  std::vector<size_t> offsets;
  for (size_t i = 0; i < objects_.size(); ++i) {
    offsets.push_back(out.size());
    out += std::to_string(i + 1) + " 0 obj\n" + objects_[i] + "\nendobj\n";
  }
  std::string hex(id.substr(0, 32));
  hex.resize(32, '0');
  const size_t xref = out.size();
  out += "xref\n0 " + std::to_string(objects_.size() + 1) + "\n0000000000 65535 f \n";
  char entry[24];
  for (size_t offset : offsets) {
    std::snprintf(entry, sizeof entry, "%010zu 00000 n \n", offset);
    out += entry;
  }
  out += "trailer\n<< /Size " + std::to_string(objects_.size() + 1) + " /Root " +
         std::to_string(root) + " 0 R /ID [<" + hex + "> <" + hex + ">] >>\nstartxref\n" + std::to_string(xref) + "\n%%EOF\n";
  return out;
}

std::string PdfNumber(double value) {
  if (!std::isfinite(value)) value = 0;
  char text[32];
  std::snprintf(text, sizeof text, "%.2f", value);
  return text;
}

}  // namespace vnplan::ocr
