import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Reference data: El Salvador's departments and its 44 municipalities (2024 territorial reform), destination
 * regions (US states + DC, Canadian provinces and territories), the ISCO-08 occupations the program places
 * workers in (with their NOC 2021 and O*NET-SOC / SOC 2018 counterparts) and the skill vocabulary.
 *
 * The data is written out literally so this migration stays frozen: later changes to reference data belong in
 * new migrations, never here.
 */

type Sector = 'AGRICULTURE' | 'LIVESTOCK' | 'FOOD_PROCESSING' | 'CONSTRUCTION' | 'HOSPITALITY';

/** SQL string literal with single quotes doubled. */
const q = (value: string): string => `'${value.replace(/'/g, "''")}'`;

/** SQL text[] literal. */
const textArray = (items: readonly string[]): string =>
  items.length === 0 ? `'{}'::text[]` : `ARRAY[${items.map(q).join(', ')}]::text[]`;

/** One multi-row INSERT; each row is a list of already-rendered SQL expressions. */
const insert = (table: string, columns: readonly string[], rows: readonly (readonly string[])[]): string =>
  `INSERT INTO ${table} (${columns.join(', ')}) VALUES\n` + rows.map((row) => `  (${row.join(', ')})`).join(',\n');

// ---------------------------------------------------------------------------------------------------------------
// El Salvador: departments (ISO 3166-2:SV) and the 44 municipalities of the 2024 reform
// ---------------------------------------------------------------------------------------------------------------

const DEPARTMENTS: readonly (readonly [code: string, name: string])[] = [
  ['SV-AH', 'Ahuachapán'],
  ['SV-SA', 'Santa Ana'],
  ['SV-SO', 'Sonsonate'],
  ['SV-CH', 'Chalatenango'],
  ['SV-LI', 'La Libertad'],
  ['SV-SS', 'San Salvador'],
  ['SV-CU', 'Cuscatlán'],
  ['SV-PA', 'La Paz'],
  ['SV-CA', 'Cabañas'],
  ['SV-SV', 'San Vicente'],
  ['SV-US', 'Usulután'],
  ['SV-SM', 'San Miguel'],
  ['SV-MO', 'Morazán'],
  ['SV-UN', 'La Unión'],
];

/**
 * [code, name, department_code]: the 44 municipalities in force since 1 May 2024
 * (Ley Especial para la Reestructuración Municipal, 2023).
 */
const MUNICIPALITIES: readonly (readonly [code: string, name: string, departmentCode: string])[] = [
  ['SV-AH-NORTE', 'Ahuachapán Norte', 'SV-AH'],
  ['SV-AH-CENTRO', 'Ahuachapán Centro', 'SV-AH'],
  ['SV-AH-SUR', 'Ahuachapán Sur', 'SV-AH'],
  ['SV-SA-NORTE', 'Santa Ana Norte', 'SV-SA'],
  ['SV-SA-CENTRO', 'Santa Ana Centro', 'SV-SA'],
  ['SV-SA-ESTE', 'Santa Ana Este', 'SV-SA'],
  ['SV-SA-OESTE', 'Santa Ana Oeste', 'SV-SA'],
  ['SV-SO-NORTE', 'Sonsonate Norte', 'SV-SO'],
  ['SV-SO-CENTRO', 'Sonsonate Centro', 'SV-SO'],
  ['SV-SO-ESTE', 'Sonsonate Este', 'SV-SO'],
  ['SV-SO-OESTE', 'Sonsonate Oeste', 'SV-SO'],
  ['SV-CH-NORTE', 'Chalatenango Norte', 'SV-CH'],
  ['SV-CH-CENTRO', 'Chalatenango Centro', 'SV-CH'],
  ['SV-CH-SUR', 'Chalatenango Sur', 'SV-CH'],
  ['SV-LI-NORTE', 'La Libertad Norte', 'SV-LI'],
  ['SV-LI-CENTRO', 'La Libertad Centro', 'SV-LI'],
  ['SV-LI-OESTE', 'La Libertad Oeste', 'SV-LI'],
  ['SV-LI-ESTE', 'La Libertad Este', 'SV-LI'],
  ['SV-LI-COSTA', 'La Libertad Costa', 'SV-LI'],
  ['SV-LI-SUR', 'La Libertad Sur', 'SV-LI'],
  ['SV-SS-NORTE', 'San Salvador Norte', 'SV-SS'],
  ['SV-SS-OESTE', 'San Salvador Oeste', 'SV-SS'],
  ['SV-SS-ESTE', 'San Salvador Este', 'SV-SS'],
  ['SV-SS-CENTRO', 'San Salvador Centro', 'SV-SS'],
  ['SV-SS-SUR', 'San Salvador Sur', 'SV-SS'],
  ['SV-CU-NORTE', 'Cuscatlán Norte', 'SV-CU'],
  ['SV-CU-SUR', 'Cuscatlán Sur', 'SV-CU'],
  ['SV-PA-OESTE', 'La Paz Oeste', 'SV-PA'],
  ['SV-PA-CENTRO', 'La Paz Centro', 'SV-PA'],
  ['SV-PA-ESTE', 'La Paz Este', 'SV-PA'],
  ['SV-CA-ESTE', 'Cabañas Este', 'SV-CA'],
  ['SV-CA-OESTE', 'Cabañas Oeste', 'SV-CA'],
  ['SV-SV-NORTE', 'San Vicente Norte', 'SV-SV'],
  ['SV-SV-SUR', 'San Vicente Sur', 'SV-SV'],
  ['SV-US-NORTE', 'Usulután Norte', 'SV-US'],
  ['SV-US-ESTE', 'Usulután Este', 'SV-US'],
  ['SV-US-OESTE', 'Usulután Oeste', 'SV-US'],
  ['SV-SM-NORTE', 'San Miguel Norte', 'SV-SM'],
  ['SV-SM-CENTRO', 'San Miguel Centro', 'SV-SM'],
  ['SV-SM-OESTE', 'San Miguel Oeste', 'SV-SM'],
  ['SV-MO-NORTE', 'Morazán Norte', 'SV-MO'],
  ['SV-MO-SUR', 'Morazán Sur', 'SV-MO'],
  ['SV-UN-NORTE', 'La Unión Norte', 'SV-UN'],
  ['SV-UN-SUR', 'La Unión Sur', 'SV-UN'],
];

// ---------------------------------------------------------------------------------------------------------------
// Destination regions: 50 US states + DC, 13 Canadian provinces and territories
// ---------------------------------------------------------------------------------------------------------------

const US_STATES: readonly (readonly [code: string, name: string])[] = [
  ['AL', 'Alabama'],
  ['AK', 'Alaska'],
  ['AZ', 'Arizona'],
  ['AR', 'Arkansas'],
  ['CA', 'California'],
  ['CO', 'Colorado'],
  ['CT', 'Connecticut'],
  ['DE', 'Delaware'],
  ['DC', 'District of Columbia'],
  ['FL', 'Florida'],
  ['GA', 'Georgia'],
  ['HI', 'Hawaii'],
  ['ID', 'Idaho'],
  ['IL', 'Illinois'],
  ['IN', 'Indiana'],
  ['IA', 'Iowa'],
  ['KS', 'Kansas'],
  ['KY', 'Kentucky'],
  ['LA', 'Louisiana'],
  ['ME', 'Maine'],
  ['MD', 'Maryland'],
  ['MA', 'Massachusetts'],
  ['MI', 'Michigan'],
  ['MN', 'Minnesota'],
  ['MS', 'Mississippi'],
  ['MO', 'Missouri'],
  ['MT', 'Montana'],
  ['NE', 'Nebraska'],
  ['NV', 'Nevada'],
  ['NH', 'New Hampshire'],
  ['NJ', 'New Jersey'],
  ['NM', 'New Mexico'],
  ['NY', 'New York'],
  ['NC', 'North Carolina'],
  ['ND', 'North Dakota'],
  ['OH', 'Ohio'],
  ['OK', 'Oklahoma'],
  ['OR', 'Oregon'],
  ['PA', 'Pennsylvania'],
  ['RI', 'Rhode Island'],
  ['SC', 'South Carolina'],
  ['SD', 'South Dakota'],
  ['TN', 'Tennessee'],
  ['TX', 'Texas'],
  ['UT', 'Utah'],
  ['VT', 'Vermont'],
  ['VA', 'Virginia'],
  ['WA', 'Washington'],
  ['WV', 'West Virginia'],
  ['WI', 'Wisconsin'],
  ['WY', 'Wyoming'],
];

const CA_PROVINCES: readonly (readonly [code: string, name: string])[] = [
  ['AB', 'Alberta'],
  ['BC', 'British Columbia'],
  ['MB', 'Manitoba'],
  ['NB', 'New Brunswick'],
  ['NL', 'Newfoundland and Labrador'],
  ['NS', 'Nova Scotia'],
  ['NT', 'Northwest Territories'],
  ['NU', 'Nunavut'],
  ['ON', 'Ontario'],
  ['PE', 'Prince Edward Island'],
  ['QC', 'Quebec'],
  ['SK', 'Saskatchewan'],
  ['YT', 'Yukon'],
];

// ---------------------------------------------------------------------------------------------------------------
// Occupations: ISCO-08 unit groups, with NOC 2021 (Canada) and SOC 2018 / O*NET-SOC (US) counterparts.
// The destination lists name the codes a job order for that ISCO group typically carries (not a full crosswalk).
// ---------------------------------------------------------------------------------------------------------------

const OCCUPATIONS: readonly (readonly [
  isco: string,
  title: string,
  sector: Sector,
  noc: readonly string[],
  soc: readonly string[],
])[] = [
  // Agriculture
  ['6111', 'Field crop and vegetable growers', 'AGRICULTURE', ['85101'], ['45-2092']],
  ['6112', 'Tree and shrub crop growers', 'AGRICULTURE', ['85101'], ['45-2092']],
  ['6113', 'Gardeners, horticultural and nursery growers', 'AGRICULTURE', ['85103', '85121'], ['45-2092', '37-3011']],
  ['6114', 'Mixed crop growers', 'AGRICULTURE', ['85101'], ['45-2092']],
  ['8341', 'Mobile farm and forestry plant operators', 'AGRICULTURE', ['84120'], ['45-2091']],
  ['9211', 'Crop farm labourers', 'AGRICULTURE', ['85101', '85103'], ['45-2092', '45-2041']],
  ['9213', 'Mixed crop and livestock farm labourers', 'AGRICULTURE', ['85100', '85101'], ['45-2092', '45-2093']],
  ['9214', 'Garden and horticultural labourers', 'AGRICULTURE', ['85103', '85121'], ['37-3011', '45-2092']],
  ['9215', 'Forestry labourers', 'AGRICULTURE', ['84111'], ['45-4011']],
  // Livestock
  ['6121', 'Livestock and dairy producers', 'LIVESTOCK', ['84120'], ['45-2093']],
  ['6122', 'Poultry producers', 'LIVESTOCK', ['84120'], ['45-2093']],
  ['9212', 'Livestock farm labourers', 'LIVESTOCK', ['85100'], ['45-2093']],
  // Food processing
  ['7511', 'Butchers, fishmongers and related food preparers', 'FOOD_PROCESSING', ['94141', '94142'], ['51-3021', '51-3022', '51-3023']],
  ['7512', 'Bakers, pastry-cooks and confectionery makers', 'FOOD_PROCESSING', ['63202'], ['51-3011']],
  ['8160', 'Food and related products machine operators', 'FOOD_PROCESSING', ['94140'], ['51-3092', '51-3093']],
  ['9321', 'Hand packers', 'FOOD_PROCESSING', ['95106'], ['53-7064']],
  ['9329', 'Manufacturing labourers not elsewhere classified', 'FOOD_PROCESSING', ['95106', '95107'], ['51-9198', '51-3022']],
  // Construction
  ['7112', 'Bricklayers and related workers', 'CONSTRUCTION', ['72320'], ['47-2021']],
  ['7114', 'Concrete placers, concrete finishers and related workers', 'CONSTRUCTION', ['73100'], ['47-2051']],
  ['7115', 'Carpenters and joiners', 'CONSTRUCTION', ['72310'], ['47-2031']],
  ['7131', 'Painters and related workers', 'CONSTRUCTION', ['73112'], ['47-2141']],
  ['9312', 'Civil engineering labourers', 'CONSTRUCTION', ['75110'], ['47-2061', '47-4051']],
  ['9313', 'Building construction labourers', 'CONSTRUCTION', ['75110'], ['47-2061', '47-3011', '47-3012']],
  // Hospitality
  ['5120', 'Cooks', 'HOSPITALITY', ['63200'], ['35-2014', '35-2012']],
  ['5131', 'Waiters', 'HOSPITALITY', ['65200'], ['35-3031']],
  ['9112', 'Cleaners and helpers in offices, hotels and other establishments', 'HOSPITALITY', ['65310'], ['37-2012', '37-2011']],
  ['9411', 'Fast food preparers', 'HOSPITALITY', ['65201'], ['35-2011', '35-3023']],
  ['9412', 'Kitchen helpers', 'HOSPITALITY', ['65201'], ['35-2021', '35-9021']],
];

// ---------------------------------------------------------------------------------------------------------------
// Skills: code, plain-English label, ISCO codes where the skill is typical
// ---------------------------------------------------------------------------------------------------------------

const ALL_OCCUPATIONS: readonly string[] = OCCUPATIONS.map(([isco]) => isco);

const SKILLS: readonly (readonly [code: string, label: string, occupations: readonly string[]])[] = [
  // Crops and horticulture
  ['HAND_HARVESTING', 'Hand harvesting of fruit and vegetables', ['6111', '6112', '6114', '9211', '9213']],
  ['FRUIT_PICKING_LADDER', 'Tree fruit picking with ladder and picking bag', ['6112', '9211', '9213']],
  ['COFFEE_HARVESTING', 'Coffee picking and coffee farm work', ['6112', '9211']],
  ['PLANTING_TRANSPLANTING', 'Planting and transplanting seedlings', ['6111', '6113', '6114', '9211', '9213', '9214', '9215']],
  ['WEEDING_HOEING', 'Weeding and hoeing', ['6111', '6114', '9211', '9213', '9214']],
  ['PRUNING', 'Pruning of trees, vines and shrubs', ['6112', '6113', '9211', '9214', '9215']],
  ['PLANT_PROPAGATION', 'Plant propagation and grafting', ['6112', '6113', '9214']],
  ['IRRIGATION', 'Irrigation (drip and sprinkler systems)', ['6111', '6112', '6113', '6114', '9211', '9213', '9214']],
  ['FERTILIZER_APPLICATION', 'Fertilizer application', ['6111', '6112', '6113', '6114', '8341', '9211']],
  [
    'PESTICIDE_SAFETY',
    'Safe handling and application of pesticides',
    ['6111', '6112', '6113', '6114', '8341', '9211', '9213', '9214', '9215'],
  ],
  ['GREENHOUSE_CARE', 'Greenhouse crop care (tomato, cucumber, pepper, flowers)', ['6111', '6113', '9211', '9214']],
  ['PRODUCE_SORTING_GRADING', 'Sorting and grading of fruit and vegetables', ['6111', '6114', '9211', '9213', '9321']],
  ['SOIL_PREPARATION', 'Soil preparation and bed making', ['6111', '6114', '8341', '9211', '9213', '9214']],
  ['TRACTOR_OPERATION', 'Tractor operation', ['6111', '6114', '6121', '8341', '9213']],
  ['FARM_MACHINERY_MAINTENANCE', 'Basic maintenance of farm machinery', ['6111', '6114', '6121', '8341']],
  ['CHAINSAW_OPERATION', 'Safe chainsaw operation', ['6113', '9214', '9215']],
  ['TREE_PLANTING', 'Tree planting for reforestation', ['6113', '9214', '9215']],
  ['LANDSCAPING', 'Landscaping and lawn care (mower, trimmer, blower)', ['6113', '9214']],
  // Livestock
  ['ANIMAL_FEEDING', 'Feeding and watering of livestock', ['6121', '6122', '9212', '9213']],
  ['MILKING_MACHINE', 'Machine milking in a milking parlour', ['6121', '9212', '9213']],
  ['ANIMAL_HEALTH_BASICS', 'Basic animal health care and vaccination', ['6121', '6122', '9212', '9213']],
  ['CATTLE_HANDLING', 'Cattle handling and herding', ['6121', '9212', '9213']],
  ['HORSE_RIDING', 'Horseback riding and horse care for ranch work', ['6121', '9212']],
  ['POULTRY_HOUSE_MANAGEMENT', 'Poultry house management (ventilation, water lines, litter)', ['6122', '9212']],
  ['EGG_COLLECTION', 'Egg collection and handling', ['6122', '9212']],
  ['BARN_CLEANING', 'Barn and pen cleaning and manure handling', ['6121', '6122', '9212', '9213']],
  ['BIOSECURITY', 'Farm biosecurity procedures', ['6121', '6122', '9212', '7511']],
  // Food processing
  ['KNIFE_SKILLS', 'Safe and precise knife work', ['5120', '7511', '9329', '9412']],
  ['MEAT_CUTTING_BONING', 'Meat cutting and deboning', ['7511']],
  ['POULTRY_PROCESSING', 'Poultry processing (evisceration, cutting, trimming)', ['7511', '9329']],
  ['FISH_SEAFOOD_PROCESSING', 'Fish and seafood processing (filleting, peeling, shucking)', ['7511', '9329']],
  [
    'FOOD_SAFETY_HACCP',
    'Food safety and hygiene (HACCP, good manufacturing practices)',
    ['5120', '5131', '7511', '7512', '8160', '9321', '9329', '9411', '9412'],
  ],
  ['PRODUCTION_LINE_WORK', 'Production line work at a set pace', ['7511', '7512', '8160', '9321', '9329']],
  ['PACKING_LABELLING', 'Packing, weighing and labelling', ['7512', '8160', '9211', '9321', '9329']],
  ['FOOD_MACHINE_OPERATION', 'Operation of food processing machines', ['7512', '8160']],
  ['SANITATION_CLEANING', 'Sanitation and cleaning of equipment and work areas', ['7511', '7512', '8160', '9112', '9329', '9412']],
  ['COLD_ENVIRONMENT_WORK', 'Work in cold rooms and refrigerated plants', ['7511', '8160', '9321', '9329']],
  ['BAKING', 'Baking and dough preparation', ['5120', '7512']],
  ['QUALITY_INSPECTION', 'Visual quality inspection of products', ['7512', '8160', '9321', '9329']],
  ['FORKLIFT', 'Forklift operation', ['8160', '9313', '9321', '9329']],
  // Construction
  ['CONCRETE_WORK', 'Concrete mixing, pouring and finishing', ['7112', '7114', '9312', '9313']],
  ['FORMWORK', 'Formwork assembly and stripping', ['7114', '7115', '9313']],
  ['REBAR_TYING', 'Rebar cutting, bending and tying', ['7114', '9312', '9313']],
  ['BRICK_BLOCK_LAYING', 'Brick and block laying', ['7112', '9313']],
  ['FRAMING_CARPENTRY', 'Wood framing carpentry', ['7115', '9313']],
  ['BLUEPRINT_READING', 'Reading construction plans', ['7112', '7114', '7115', '7131']],
  ['MEASURING_LAYOUT', 'Measuring and layout (tape, level, chalk line)', ['7112', '7114', '7115', '7131', '9312', '9313']],
  ['SCAFFOLDING', 'Scaffold assembly and safe use', ['7112', '7115', '7131', '9313']],
  ['WORKING_AT_HEIGHTS', 'Working at heights with fall protection', ['7112', '7115', '7131', '9313']],
  ['POWER_TOOLS', 'Power tools (saw, drill, grinder)', ['7112', '7114', '7115', '7131', '9312', '9313']],
  ['PAINTING_SURFACE_PREP', 'Painting and surface preparation', ['7131', '9313']],
  ['EXCAVATION_TRENCHING', 'Manual excavation and trenching', ['9312', '9313']],
  // Hospitality
  ['LINE_COOKING', 'Line cooking in a restaurant kitchen', ['5120', '9411']],
  ['FOOD_PREPARATION', 'Food preparation (washing, cutting, portioning)', ['5120', '9411', '9412']],
  ['GRILL_FRYER', 'Grill and fryer operation', ['5120', '9411']],
  ['DISHWASHING', 'Dishwashing and kitchen cleaning', ['9411', '9412']],
  ['HOUSEKEEPING', 'Hotel room housekeeping', ['9112']],
  ['LAUNDRY', 'Laundry operations', ['9112']],
  ['TABLE_SERVICE', 'Table service', ['5131']],
  ['BEVERAGE_SERVICE', 'Beverage and bar service', ['5131']],
  ['CUSTOMER_SERVICE', 'Customer service', ['5131', '9112', '9411']],
  ['CASH_HANDLING', 'Cash handling and point-of-sale terminal', ['5131', '9411']],
  // Cross-cutting
  ['FIRST_AID', 'First aid', ALL_OCCUPATIONS],
  ['OHS_BASICS', 'Occupational health and safety basics', ALL_OCCUPATIONS],
  [
    'MANUAL_HANDLING',
    'Safe lifting and manual handling of loads',
    ['6122', '7511', '8160', '9112', '9211', '9212', '9213', '9214', '9215', '9312', '9313', '9321', '9329', '9412'],
  ],
  ['HEAT_STRESS_PREVENTION', 'Working safely in heat', ['6111', '6112', '6114', '9211', '9213', '9214', '9215', '9312', '9313']],
  ['HAZARDOUS_PRODUCTS_WHMIS', 'Hazardous products and chemicals (WHMIS / HazCom)', ['7131', '8160', '9112', '9329', '9412']],
  ['DRIVING_LICENSE_B', 'Driving licence for light vehicles', ['6111', '6121', '8341', '9214', '9312']],
];

export class ReferenceData1732400000001 implements MigrationInterface {
  name = 'ReferenceData1732400000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE department (code text PRIMARY KEY, name text NOT NULL)`);
    await queryRunner.query(
      `CREATE TABLE municipality (code text PRIMARY KEY, name text NOT NULL, department_code text NOT NULL REFERENCES department(code))`,
    );
    await queryRunner.query(
      `CREATE TABLE region (code text PRIMARY KEY, country char(2) NOT NULL CHECK (country IN ('US','CA')), name text NOT NULL)`,
    );
    await queryRunner.query(`
      CREATE TABLE occupation (
        isco_code char(4) PRIMARY KEY,
        title text NOT NULL,
        sector text NOT NULL CHECK (sector IN ('AGRICULTURE','LIVESTOCK','FOOD_PROCESSING','CONSTRUCTION','HOSPITALITY')),
        noc_codes text[] NOT NULL DEFAULT '{}',
        soc_codes text[] NOT NULL DEFAULT '{}'
      )`);
    await queryRunner.query(
      `CREATE TABLE skill (code text PRIMARY KEY, label text NOT NULL, occupation_codes text[] NOT NULL DEFAULT '{}')`,
    );
    await queryRunner.query(`CREATE INDEX municipality_department_code_idx ON municipality (department_code)`);

    await queryRunner.query(
      insert('department', ['code', 'name'], DEPARTMENTS.map(([code, name]) => [q(code), q(name)])),
    );
    await queryRunner.query(
      insert(
        'municipality',
        ['code', 'name', 'department_code'],
        MUNICIPALITIES.map(([code, name, dept]) => [q(code), q(name), q(dept)]),
      ),
    );
    await queryRunner.query(
      insert('region', ['code', 'country', 'name'], [
        ...US_STATES.map(([code, name]) => [q(`US-${code}`), q('US'), q(name)]),
        ...CA_PROVINCES.map(([code, name]) => [q(`CA-${code}`), q('CA'), q(name)]),
      ]),
    );
    await queryRunner.query(
      insert(
        'occupation',
        ['isco_code', 'title', 'sector', 'noc_codes', 'soc_codes'],
        OCCUPATIONS.map(([isco, title, sector, noc, soc]) => [q(isco), q(title), q(sector), textArray(noc), textArray(soc)]),
      ),
    );
    await queryRunner.query(
      insert(
        'skill',
        ['code', 'label', 'occupation_codes'],
        SKILLS.map(([code, label, occupations]) => [q(code), q(label), textArray(occupations)]),
      ),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX municipality_department_code_idx`);
    await queryRunner.query(`DROP TABLE skill`);
    await queryRunner.query(`DROP TABLE occupation`);
    await queryRunner.query(`DROP TABLE region`);
    await queryRunner.query(`DROP TABLE municipality`);
    await queryRunner.query(`DROP TABLE department`);
  }
}
