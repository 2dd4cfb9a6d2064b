//! Records as a Parquet file (`agendex extract --format parquet`): the
//! columns of the CSV output (`output::CSV_COLUMNS`), typed, in row groups
//! written as records come, Snappy-compressed. Owns only this format.

use crate::output::CSV_COLUMNS;
use crate::record::OutRecord;
use arrow_array::{ArrayRef, RecordBatch, StringArray, UInt32Array};
use arrow_schema::{DataType, Field, Schema};
use parquet::arrow::ArrowWriter;
use parquet::basic::Compression;
use parquet::file::properties::WriterProperties;
use std::io::Write;
use std::sync::Arc;

/// Records held before they are written as one batch.
const BATCH: usize = 4096;

/// The columns: CSV's names; numbers as unsigned integers, text as UTF-8,
/// nullable where a record may have none.
fn schema() -> Schema {
    let numeric = ["schema_version", "page", "page_end"];
    let nullable = ["page_label", "document_title", "council", "body", "date"];
    Schema::new(
        CSV_COLUMNS
            .iter()
            .map(|name| {
                let ty = if numeric.contains(name) {
                    DataType::UInt32
                } else {
                    DataType::Utf8
                };
                Field::new(*name, ty, nullable.contains(name))
            })
            .collect::<Vec<_>>(),
    )
}

/// Writes records into a Parquet file as they come.
pub struct ParquetWriter<W: Write + Send> {
    writer: ArrowWriter<W>,
    schema: Arc<Schema>,
    pending: Vec<OutRecord>,
}

impl<W: Write + Send> ParquetWriter<W> {
    pub fn new(out: W) -> parquet::errors::Result<Self> {
        let schema = Arc::new(schema());
        let props = WriterProperties::builder()
            .set_compression(Compression::SNAPPY)
            .build();
        Ok(ParquetWriter {
            writer: ArrowWriter::try_new(out, schema.clone(), Some(props))?,
            schema,
            pending: Vec::with_capacity(BATCH),
        })
    }

    pub fn write(&mut self, r: &OutRecord) -> parquet::errors::Result<()> {
        self.pending.push(r.clone());
        if self.pending.len() >= BATCH {
            self.flush_batch()?;
        }
        Ok(())
    }

    fn flush_batch(&mut self) -> parquet::errors::Result<()> {
        if self.pending.is_empty() {
            return Ok(());
        }
        let rs = std::mem::take(&mut self.pending);
        let text = |f: &dyn Fn(&OutRecord) -> Option<String>| -> ArrayRef {
            Arc::new(StringArray::from(rs.iter().map(f).collect::<Vec<_>>()))
        };
        let number = |f: &dyn Fn(&OutRecord) -> u32| -> ArrayRef {
            Arc::new(UInt32Array::from(rs.iter().map(f).collect::<Vec<_>>()))
        };
        // In the order of CSV_COLUMNS (checked by the test below).
        let columns: Vec<ArrayRef> = vec![
            number(&|r| r.schema_version),
            text(&|r| Some(r.id.clone())),
            text(&|r| Some(r.kind.clone())),
            text(&|r| Some(r.source.path.clone())),
            text(&|r| Some(r.source.sha256.clone())),
            number(&|r| r.source.page),
            number(&|r| r.source.page_end),
            text(&|r| r.source.page_label.clone()),
            text(&|r| Some(r.document.doc_type.as_str().to_string())),
            text(&|r| r.document.title.clone()),
            text(&|r| r.document.council.clone()),
            text(&|r| r.document.body.clone()),
            text(&|r| r.document.date.clone()),
            text(&|r| Some(r.text.clone())),
            text(&|r| serde_json::to_value(&r.fields).ok().map(|v| v.to_string())),
        ];
        let batch = RecordBatch::try_new(self.schema.clone(), columns)?;
        self.writer.write(&batch)
    }

    /// Write what is held and the file's footer.
    pub fn finish(mut self) -> parquet::errors::Result<()> {
        self.flush_batch()?;
        self.writer.close()?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_are_the_csv_columns() {
        let names: Vec<String> = schema().fields().iter().map(|f| f.name().clone()).collect();
        assert_eq!(names, CSV_COLUMNS);
    }
}
