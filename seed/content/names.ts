// Building blocks for customer accounts and contacts. Combined deterministically they give
// thousands of distinct, plausible company names for the scale data.

export const COMPANY_PREFIXES: readonly string[] = [
  "Northwind", "Bluepeak", "Harbor", "Silverline", "Redwood", "Granite", "Evergreen", "Summit",
  "Brightwater", "Ironbridge", "Cedar", "Lakeshore", "Oakridge", "Westfield", "Crescent", "Pioneer",
  "Meridian", "Keystone", "Riverbend", "Stonegate", "Falcon", "Aurora", "Beacon", "Copperfield",
  "Driftwood", "Eastgate", "Foxglove", "Goldcrest", "Highland", "Juniper", "Kingsway", "Larkspur",
  "Maplewood", "Newhaven", "Orchard", "Pinecrest", "Quarry", "Rosewood", "Sagebrush", "Tidewater",
  "Upland", "Valley", "Windmere", "Yarrow", "Zenith", "Alder", "Birchwood", "Clearwater",
  "Dunmore", "Elmstead", "Fairview", "Glenwood", "Hawthorne", "Ivywood", "Jasper", "Kestrel",
  "Longview", "Moorland", "Northgate", "Oakhurst",
];

export const COMPANY_INDUSTRIES: readonly string[] = [
  "Logistics", "Health", "Manufacturing", "Energy", "Foods", "Retail", "Capital", "Insurance",
  "Utilities", "Engineering", "Pharma", "Freight", "Hospitality", "Telecom", "Analytics", "Building Services",
  "Facilities", "Media", "Agritech", "Water", "Aerospace", "Mobility", "Labs", "Property",
  "Outdoor", "Textiles", "Marine", "Security", "Packaging", "Electric", "Dental", "Education",
  "Biotech", "Leasing", "HVAC", "Elevators", "Medical Devices", "Chemicals", "Steel", "Plastics",
];

export const COMPANY_SUFFIXES: readonly string[] = ["", " Group", " Inc.", " GmbH", " Ltd", " Partners"];

export const FIRST_NAMES: readonly string[] = [
  "James", "Mary", "Robert", "Patricia", "John", "Jennifer", "Michael", "Linda", "David", "Elizabeth",
  "William", "Barbara", "Richard", "Susan", "Joseph", "Jessica", "Thomas", "Sarah", "Carlos", "Karen",
  "Ahmed", "Nadia", "Wei", "Mei", "Arjun", "Anika", "Lars", "Ingrid", "Pierre", "Camille",
  "Mateo", "Lucia", "Kwame", "Amara", "Yusuf", "Leila", "Hiroshi", "Yuki", "Dmitri", "Olga",
  "Sean", "Niamh", "Paolo", "Giulia", "Tariq", "Samira", "Erik", "Astrid", "Jorge", "Valentina",
];

export const LAST_NAMES: readonly string[] = [
  "Smith", "Johnson", "Williams", "Brown", "Jones", "Garcia", "Miller", "Davis", "Rodriguez", "Martinez",
  "Hernandez", "Lopez", "Wilson", "Anderson", "Taylor", "Thomas", "Moore", "Jackson", "Martin", "Lee",
  "Nguyen", "Kim", "Singh", "Kumar", "Mensah", "Osei", "Novak", "Horvat", "Jansen", "de Vries",
  "Rossi", "Bianchi", "Schmidt", "Schneider", "Dubois", "Laurent", "Nakamura", "Suzuki", "Ivanova", "Petrov",
  "Murphy", "Kelly", "Silva", "Santos", "Haddad", "Khan", "Larsen", "Nilsson", "Castillo", "Ortega",
];

export const DEAL_EXTERNAL_PREFIX = "OPP-";
